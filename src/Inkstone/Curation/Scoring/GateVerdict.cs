using Inkstone.Model;

namespace Inkstone.Curation.Scoring;

/// <summary>
/// The score gate (paper §2.2) applied to six scores, with what a page needs to explain it: the thresholds, the sum, and
/// the dimensions below the per-dimension minimum. <see cref="Passed"/> and <see cref="Reason"/> are
/// <see cref="ScoreGate.Evaluate"/>'s, so the explanation cannot disagree with the transition.
/// </summary>
public sealed record GateVerdict
{
    public required bool Passed { get; init; }

    /// <summary>
    /// Why it failed, as recorded on the item (<c>total 49 &lt; 50</c>, <c>below 8: QueryCreativity</c>); null when passed.
    /// </summary>
    public string? Reason { get; init; }

    public required int MinimumTotal { get; init; }
    public required int MinimumEach { get; init; }

    /// <summary>Sum of the six, or null while any is missing.</summary>
    public int? Total { get; init; }

    /// <summary>Whether the sum reaches the minimum total (false while any score is missing).</summary>
    public bool TotalReached => Total >= MinimumTotal;

    /// <summary>Dimensions scored below <see cref="MinimumEach"/>, in the paper's order.</summary>
    public required IReadOnlyList<ScoreDimension> BelowMinimum { get; init; }

    /// <summary>Dimensions without a score.</summary>
    public required IReadOnlyList<ScoreDimension> Missing { get; init; }

    /// <summary>Pure: the gate's verdict on <paramref name="scores"/>.</summary>
    public static GateVerdict Of(AssessmentScores scores, ScoreGate gate)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(gate);
        var result = gate.Evaluate(scores);
        return new GateVerdict
        {
            Passed = result.Passed, Reason = result.Reason, Total = scores.Total,
            MinimumTotal = gate.MinimumTotal, MinimumEach = gate.MinimumEach,
            BelowMinimum = [.. AssessmentScores.Dimensions.Where(d => scores[d] < gate.MinimumEach)],
            Missing = [.. AssessmentScores.Dimensions.Where(d => scores[d] is null)],
        };
    }

    /// <summary>The gate of the workspace's <c>gate</c> settings.</summary>
    public static ScoreGate GateOf(WorkspaceConfig.GateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ScoreGate(config.MinimumTotal, config.MinimumEach);
    }
}
