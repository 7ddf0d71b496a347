namespace Inkstone.Text.Distributions;

/// <summary>
/// Quantiles by linear interpolation between closest ranks — numpy's default (<c>method="linear"</c>, R type 7):
/// for sorted values x₀ ≤ … ≤ xₙ₋₁ and probability p, h = (n − 1)·p and
/// Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). (MathNet's default percentile differs; it is not used here.)
/// </summary>
public static class LinearQuantile
{
    /// <summary>Quantile <paramref name="p"/> (0–1) of <paramref name="sorted"/>, which must be sorted ascending and non-empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "must be between 0 and 1");
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Count - 1) return sorted[^1];
        var fraction = h - lower;
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
    }
}
