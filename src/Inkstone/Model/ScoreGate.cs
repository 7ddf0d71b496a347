namespace Inkstone.Model;

/// <summary>
/// The dual threshold of paper §2.2: a triplet advances only when the cumulative score reaches
/// <see cref="MinimumTotal"/> and every dimension reaches <see cref="MinimumEach"/>.
/// </summary>
public sealed record ScoreGate(int MinimumTotal = 50, int MinimumEach = 8)
{
    public static ScoreGate Paper { get; } = new();

    /// <summary>Evaluates the gate; incomplete scores never pass.</summary>
    public ScoreGateResult Evaluate(AssessmentScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (!scores.IsComplete)
        {
            var missing = AssessmentScores.Dimensions.Where(d => scores[d] is null).ToArray();
            return new ScoreGateResult(false, $"missing scores: {string.Join(", ", missing)}");
        }

        var low = AssessmentScores.Dimensions.Where(d => scores[d] < MinimumEach).ToArray();
        var total = scores.Total!.Value;
        if (total < MinimumTotal)
            return new ScoreGateResult(false, $"total {total} < {MinimumTotal}");
        if (low.Length > 0)
            return new ScoreGateResult(false, $"below {MinimumEach}: {string.Join(", ", low)}");
        return new ScoreGateResult(true, null);
    }
}
