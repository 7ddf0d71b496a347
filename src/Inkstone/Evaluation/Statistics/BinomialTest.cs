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

        // With p = 0 or 1 only one outcome is possible, and it returned above: what was observed cannot happen.
        if (p == 0 || p == 1) return 0.0;

        // log P(X = i) by the recurrence log P(i+1) = log P(i) + log((n−i)/(i+1)) + log(p/(1−p)): one pass, no
        // log-gamma per term; the accumulated rounding (~n·1e-16 relative) is far inside the 1e-7 tolerance.
        var logs = new double[trials + 1];
        var logOdds = Math.Log(p) - Math.Log(1 - p);
        logs[0] = trials * Math.Log(1 - p);
        for (var i = 0; i < trials; i++) logs[i + 1] = logs[i] + Math.Log((double)(trials - i) / (i + 1)) + logOdds;
        var threshold = logs[successes] + Math.Log(RelativeTolerance);
        double sum = 0;
        for (var i = 0; i <= trials; i++)
            if (logs[i] <= threshold) sum += Math.Exp(logs[i]);
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
