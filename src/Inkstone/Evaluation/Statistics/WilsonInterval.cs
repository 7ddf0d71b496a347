namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Wilson score interval for a proportion: the set of p for which |p̂ − p| ≤ z·√(p(1−p)/n).
/// <paramref name="Lower"/> and <paramref name="Upper"/> are proportions in [0, 1].
/// </summary>
public readonly record struct WilsonInterval(double Lower, double Upper)
{
    /// <summary>z for a two-sided 95 % interval: the 0.975 quantile of the standard normal distribution.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The interval for <paramref name="successes"/> out of <paramref name="trials"/>. Successes may be fractional
    /// (a tie counted as ½), as in <c>statsmodels.stats.proportion.proportion_confint(method="wilson")</c>.
    /// </summary>
    public static WilsonInterval Compute(double successes, double trials, double z = Z95)
    {
        if (trials <= 0) return new WilsonInterval(0, 1);
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), successes, $"must be in [0, {trials}]");
        var phat = successes / trials;
        var z2 = z * z;
        var denominator = 1 + (z2 / trials);
        var center = (phat + (z2 / (2 * trials))) / denominator;
        var half = z * Math.Sqrt((phat * (1 - phat) / trials) + (z2 / (4 * trials * trials))) / denominator;
        return new WilsonInterval(Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
