namespace Inkstone.Training;

/// <summary>
/// Token lengths of the samples of one split. Quantiles use numpy's default definition (linear interpolation
/// between order statistics: h = (n−1)·q, x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])).
/// </summary>
public sealed record TokenStatistics(int Samples, long TotalTokens, double Mean, double Median, double P90, double P99, int Max, int OverCutoff)
{
    public static TokenStatistics Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static TokenStatistics From(IEnumerable<int> lengths, int cutoff)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        var sorted = lengths.Order().Select(l => (double)l).ToArray();
        if (sorted.Length == 0) return Empty;
        var total = 0L;
        var over = 0;
        foreach (var length in sorted)
        {
            total += (long)length;
            if (length > cutoff) over++;
        }

        return new TokenStatistics(
            sorted.Length,
            total,
            (double)total / sorted.Length,
            Quantile(sorted, 0.5),
            Quantile(sorted, 0.9),
            Quantile(sorted, 0.99),
            (int)sorted[^1],
            over);
    }

    /// <summary>numpy's <c>quantile(..., method="linear")</c> over already sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        var h = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Count - 1) return sorted[^1];
        return sorted[lower] + ((h - lower) * (sorted[lower + 1] - sorted[lower]));
    }
}
