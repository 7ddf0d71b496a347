using Inkstone.Text.Distributions;

namespace Inkstone.Training;

/// <summary>
/// Token lengths of the samples of one split. Quantiles use numpy's default definition (linear interpolation,
/// <see cref="LinearQuantile"/>).
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
            LinearQuantile.Of(sorted, 0.5),
            LinearQuantile.Of(sorted, 0.9),
            LinearQuantile.Of(sorted, 0.99),
            (int)sorted[^1],
            over);
    }
}
