namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Compares a judge's verdicts with human verdicts on the same comparisons (same query and the same two models, in
/// either order). Each human verdict is paired with the judge's verdict on that comparison, so a comparison judged by
/// four people contributes four pairs. A judge that gave two verdicts on one comparison is an error.
/// </summary>
public static class JudgeAgreement
{
    public static JudgeAgreementResult Compute(IEnumerable<PairwiseOutcome> human, IEnumerable<PairwiseOutcome> judge)
    {
        ArgumentNullException.ThrowIfNull(human);
        ArgumentNullException.ThrowIfNull(judge);
        var judged = new Dictionary<(string, string, string), Verdict>();
        foreach (var j in judge)
        {
            var (key, verdict) = Canonical(j);
            if (!judged.TryAdd(key, verdict))
                throw new ArgumentException($"query '{j.QueryId}': judge '{j.Judge}' gave more than one verdict on {j.ModelA} vs {j.ModelB}", nameof(judge));
        }
        int pairs = 0, agreeing = 0, decisive = 0, decisiveAgreeing = 0;
        foreach (var h in human)
        {
            var (key, verdict) = Canonical(h);
            if (!judged.TryGetValue(key, out var jv)) continue;
            pairs++;
            if (jv == verdict) agreeing++;
            if (jv == Verdict.Tie || verdict == Verdict.Tie) continue;
            decisive++;
            if (jv == verdict) decisiveAgreeing++;
        }
        return new JudgeAgreementResult(pairs, agreeing, decisive, decisiveAgreeing);
    }

    private static ((string, string, string) Key, Verdict Verdict) Canonical(PairwiseOutcome o) =>
        string.CompareOrdinal(o.ModelA, o.ModelB) <= 0
            ? ((o.QueryId, o.ModelA, o.ModelB), o.Verdict)
            : ((o.QueryId, o.ModelB, o.ModelA), o.From(o.ModelB));
}
