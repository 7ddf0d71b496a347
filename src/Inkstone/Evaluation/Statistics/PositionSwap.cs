namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Combines a judge's verdicts on the two presentation orders of one comparison. <c>swapped</c> is the verdict on the
/// order (B, A) already mapped back to the original labels. Equal verdicts stand; any disagreement (including a tie
/// against a win) becomes a tie and is marked position-inconsistent.
/// </summary>
public static class PositionSwap
{
    public static (Verdict Verdict, bool Inconsistent) Combine(Verdict original, Verdict swapped) =>
        original == swapped ? (original, false) : (Verdict.Tie, true);

    /// <summary>Maps a verdict given with the answers presented as (B, A) back to the (A, B) labels.</summary>
    public static Verdict Unswap(Verdict verdictOnSwapped) => verdictOnSwapped switch
    {
        Verdict.A => Verdict.B,
        Verdict.B => Verdict.A,
        _ => Verdict.Tie,
    };

    /// <summary>Share of comparisons whose two orders disagreed; NaN for none.</summary>
    public static double FlipRate(int inconsistent, int comparisons) => comparisons == 0 ? double.NaN : (double)inconsistent / comparisons;
}
