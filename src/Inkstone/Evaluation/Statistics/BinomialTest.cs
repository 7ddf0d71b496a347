using MathNet.Numerics;

namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Exact binomial test. The two-sided p-value follows the "minimum likelihood" definition used by
/// <c>scipy.stats.binomtest</c>: the sum of the probabilities of all outcomes that are no more likely than the
/// observed one, where "no more likely" allows a relative tolerance of 1e-7 so that outcomes whose probability
/// equals the observed one mathematically but not in floating point are counted.
/// </summary>
public static class BinomialTest
{
    private const double RelativeTolerance = 1 + 1e-7;

    /// <summary>Two-sided p-value of <paramref name="successes"/> in <paramref name="trials"/> under probability <paramref name="p"/>.</summary>
    public static double TwoSidedPValue(int successes, int trials, double p = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), successes, $"must be in 0..{trials}");
        if (!(p is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "must be in [0, 1]");
        if (trials == 0) return 1.0;
        // Same shortcut as scipy: the outcome at the mean is the most likely one.
        if (successes == p * trials) return 1.0;

        var observed = Probability(successes, trials, p) * RelativeTolerance;
        double sum = 0;
        for (var i = 0; i <= trials; i++)
        {
            var pi = Probability(i, trials, p);
            if (pi <= observed) sum += pi;
        }
        return Math.Min(1.0, sum);
    }

    /// <summary>Binomial probability mass P(X = k) for X ~ Bin(n, p), computed in log space.</summary>
    public static double Probability(int k, int n, double p)
    {
        if (p == 0) return k == 0 ? 1 : 0;
        if (p == 1) return k == n ? 1 : 0;
        var log = SpecialFunctions.FactorialLn(n) - SpecialFunctions.FactorialLn(k) - SpecialFunctions.FactorialLn(n - k)
            + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));
        return Math.Exp(log);
    }
}
