namespace Inkstone.Evaluation.Statistics;

/// <summary>Outcomes of one model (the row) against another (the column).</summary>
public readonly record struct PairCounts(int Wins, int Losses, int Ties)
{
    public int Comparisons => Wins + Losses + Ties;

    /// <summary>Comparisons with a winner; the sign test uses only these.</summary>
    public int Decisive => Wins + Losses;

    /// <summary>Win rate with ties counted as half a win: (wins + ½·ties) ÷ comparisons; NaN without comparisons.</summary>
    public double WinRate => Comparisons == 0 ? double.NaN : (Wins + (0.5 * Ties)) / Comparisons;

    /// <summary>The same comparisons seen from the column model.</summary>
    public PairCounts Swap() => new(Losses, Wins, Ties);

    public PairCounts Add(Verdict verdict) => verdict switch
    {
        Verdict.A => this with { Wins = Wins + 1 },
        Verdict.B => this with { Losses = Losses + 1 },
        _ => this with { Ties = Ties + 1 },
    };
}
