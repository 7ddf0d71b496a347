namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// One cell of a win-rate matrix: the row model against the column model. <see cref="PValue"/> is the two-sided exact
/// binomial (sign) test of wins against losses (ties left out) under p = ½; <see cref="Interval"/> is the Wilson 95 %
/// interval of <see cref="PairCounts.WinRate"/> (ties as ½ a success, so the interval brackets the shown win rate).
/// </summary>
public sealed record WinRateCell(string Row, string Column, PairCounts Counts, double PValue, WilsonInterval Interval)
{
    public double WinRate => Counts.WinRate;

    /// <summary>Whether the sign test rejects "no preference" at <paramref name="alpha"/>.</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;

    /// <summary>Stars for tables: *** p &lt; 0.001, ** p &lt; 0.01, * p &lt; 0.05.</summary>
    public string SignificanceMark => PValue < 0.001 ? "***" : PValue < 0.01 ? "**" : PValue < 0.05 ? "*" : "";
}
