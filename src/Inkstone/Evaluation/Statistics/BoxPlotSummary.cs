namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Mean and box-plot data of a sample: quartiles by numpy's default (linear) definition, whiskers at the most extreme
/// values within 1.5 × IQR of the box, and the number of values outside them.
/// </summary>
public sealed record BoxPlotSummary(int Count, double Mean, double Min, double Q1, double Median, double Q3, double Max, double WhiskerLow, double WhiskerHigh, int Outliers)
{
    public static BoxPlotSummary Compute(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new BoxPlotSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        double q1 = Quantiles.Linear(sorted, 0.25), q3 = Quantiles.Linear(sorted, 0.75), iqr = q3 - q1;
        double lowFence = q1 - (1.5 * iqr), highFence = q3 + (1.5 * iqr);
        var inside = sorted.Where(v => v >= lowFence && v <= highFence).ToArray();
        return new BoxPlotSummary(sorted.Length, sorted.Average(), sorted[0], q1, Quantiles.Linear(sorted, 0.5), q3, sorted[^1],
            inside[0], inside[^1], sorted.Length - inside.Length);
    }
}
