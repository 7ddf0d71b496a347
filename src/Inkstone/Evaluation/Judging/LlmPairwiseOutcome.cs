using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// The judge's combined verdict on (A, B) from both presentation orders, whether the orders disagreed, the raw replies,
/// and the error when a call failed or a reply could not be read (then <see cref="Verdict"/> is null).
/// </summary>
public sealed record LlmPairwiseOutcome(Verdict? Verdict, bool PositionInconsistent, Verdict? Original, Verdict? Swapped, string? Error);
