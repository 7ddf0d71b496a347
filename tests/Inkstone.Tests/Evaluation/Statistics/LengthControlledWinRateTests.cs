using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

public sealed class LengthControlledWinRateTests
{
    [Fact]
    public void Compute_PreferenceExplainedByLengthOnly_GivesFiftyPercent()
    {
        // 8 queries where the model is 100 chars longer and wins 6, 4 where it is 100 shorter and wins 1.
        // Raw win rate 7/12. With two length groups the GLM is saturated: θ + φt = logit(3/4), θ − φt = logit(1/4),
        // so θ = 0 and the length-controlled win rate is exactly 50 %.
        var rows = new List<BaselineComparison>();
        for (var i = 0; i < 8; i++) rows.Add(new($"l{i}", "M", i < 6 ? 1 : 0, 100));
        for (var i = 0; i < 4; i++) rows.Add(new($"s{i}", "M", i < 1 ? 1 : 0, -100));
        var r = LengthControlledWinRate.Compute(rows, "M");
        Assert.Equal(100.0 * 7 / 12, r.WinRate, 9);
        Assert.Equal(50, r.LengthControlledWinRate, 6);
        Assert.Equal(0, r.Theta, 6);
        Assert.True(r.Converged);
        Assert.True(double.IsNaN(r.DifficultyCoefficient)); // only one model: no difficulty covariate
        // φ·tanh(1/σ·100) = logit(3/4); σ is the sample sd of ±100 with 8 and 4 values
        var sigma = Math.Sqrt(((8 * Math.Pow(100 - (400.0 / 12), 2)) + (4 * Math.Pow(-100 - (400.0 / 12), 2))) / 11);
        Assert.Equal(sigma, r.LengthScale, 9);
        Assert.Equal(Math.Log(3) / Math.Tanh(100 / sigma), r.LengthCoefficient, 6);
    }

    [Fact]
    public void Compute_NoLengthDifference_EqualsRawWinRate()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new BaselineComparison($"q{i}", "M", i < 7 ? 1 : i < 8 ? 0.5 : 0, 0)).ToList();
        var r = LengthControlledWinRate.Compute(rows, "M");
        Assert.Equal(75, r.WinRate, 9);
        Assert.Equal(75, r.LengthControlledWinRate, 6); // intercept-only fit reproduces the mean
    }

    [Fact]
    public void Compute_UnknownModel_Throws() =>
        Assert.Throws<ArgumentException>(() => LengthControlledWinRate.Compute([new("q", "M", 1, 0)], "N"));
}
