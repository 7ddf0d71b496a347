namespace Inkstone.Evaluation.Statistics;

/// <summary>Quantiles as numpy computes them by default (method "linear": h = (n−1)·q, interpolate between neighbours).</summary>
public static class Quantiles
{
    /// <summary>The <paramref name="q"/>-quantile of <paramref name="sorted"/>, which must be sorted ascending.</summary>
    public static double Linear(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return double.NaN;
        if (!(q is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "must be in [0, 1]");
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Count - 1) return sorted[^1];
        return sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));
    }
}
