namespace Inkstone.Text.Distributions;

/// <summary>
/// The numbers behind a box plot. Quartiles use numpy's default linear interpolation (<see cref="LinearQuantile"/>).
/// Fences lie 1.5 × IQR beyond the box; as in matplotlib, each whisker ends at the most extreme value inside its
/// fence (or at the box edge when no value lies between box and fence), and outliers are the values beyond the whiskers.
/// </summary>
public sealed record DistributionSummary
{
    public required int Count { get; init; }
    public required double Mean { get; init; }
    public required double Min { get; init; }
    public required double Q1 { get; init; }
    public required double Median { get; init; }
    public required double Q3 { get; init; }
    public required double Max { get; init; }
    public required double Iqr { get; init; }
    public required double LowerFence { get; init; }
    public required double UpperFence { get; init; }
    public required double LowerWhisker { get; init; }
    public required double UpperWhisker { get; init; }

    /// <summary>Values below the lower or above the upper whisker, ascending.</summary>
    public required IReadOnlyList<double> Outliers { get; init; }

    /// <summary>Whisker reach as a multiple of the IQR.</summary>
    public const double WhiskerFactor = 1.5;

    /// <summary>Summarises <paramref name="values"/>; null when there are none. NaN and infinities are rejected.</summary>
    public static DistributionSummary? Of(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0) return null;
        foreach (var v in sorted)
            if (!double.IsFinite(v)) throw new ArgumentException("values must be finite numbers; found " + v, nameof(values));
        Array.Sort(sorted);

        var q1 = LinearQuantile.Of(sorted, 0.25);
        var median = LinearQuantile.Of(sorted, 0.5);
        var q3 = LinearQuantile.Of(sorted, 0.75);
        var iqr = q3 - q1;
        var lowerFence = q1 - WhiskerFactor * iqr;
        var upperFence = q3 + WhiskerFactor * iqr;

        // matplotlib.cbook.boxplot_stats: the whisker never retracts inside the box.
        var inside = sorted.Where(v => v >= lowerFence && v <= upperFence).ToArray();
        var lowerWhisker = inside.Length == 0 || inside[0] > q1 ? q1 : inside[0];
        var upperWhisker = inside.Length == 0 || inside[^1] < q3 ? q3 : inside[^1];

        double sum = 0;
        foreach (var v in sorted) sum += v;

        return new DistributionSummary
        {
            Count = sorted.Length,
            Mean = sum / sorted.Length,
            Min = sorted[0],
            Q1 = q1,
            Median = median,
            Q3 = q3,
            Max = sorted[^1],
            Iqr = iqr,
            LowerFence = lowerFence,
            UpperFence = upperFence,
            LowerWhisker = lowerWhisker,
            UpperWhisker = upperWhisker,
            Outliers = sorted.Where(v => v < lowerWhisker || v > upperWhisker).ToArray(),
        };
    }
}
