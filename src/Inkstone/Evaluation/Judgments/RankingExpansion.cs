using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Judgments;

/// <summary>
/// A full ranking of N answers (best first) implies N(N−1)/2 pairwise verdicts: every answer beats every answer ranked
/// below it. Models sharing a rank tie with each other.
/// </summary>
public static class RankingExpansion
{
    /// <param name="ranks">model → rank (1 = best); equal ranks are ties.</param>
    public static IEnumerable<PairwiseJudgment> Expand(string queryId, string judge, JudgeKind kind, IReadOnlyList<(string Model, int Rank)> ranks, string source, int sample = 0)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        for (var i = 0; i < ranks.Count; i++)
            for (var j = i + 1; j < ranks.Count; j++)
            {
                var (a, ra) = ranks[i];
                var (b, rb) = ranks[j];
                var verdict = ra < rb ? Verdict.A : ra > rb ? Verdict.B : Verdict.Tie;
                yield return new PairwiseJudgment(queryId, a, b, judge, kind, verdict, "ranking", source, Sample: sample);
            }
    }
}
