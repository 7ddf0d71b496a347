using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

public sealed class WilsonIntervalTests
{
    [Theory]
    // reference values from statsmodels proportion_confint(count, nobs, method="wilson")
    [InlineData(5, 10, 0.23659309051256394, 0.7634069094874361)]
    [InlineData(128, 204, 0.5593231556827584, 0.6908675439738517)]
    [InlineData(127.5, 204, 0.5568322002140403, 0.6885471398337889)]
    [InlineData(0, 7, 0.0, 0.3543304350666875)]
    public void Compute_MatchesStatsmodelsReference(double successes, double trials, double lower, double upper)
    {
        var interval = WilsonInterval.Compute(successes, trials);
        Assert.Equal(lower, interval.Lower, 12);
        Assert.Equal(upper, interval.Upper, 12);
    }

    [Fact]
    public void Compute_HalfOfEven_IsSymmetricAroundHalf()
    {
        var i = WilsonInterval.Compute(20, 40);
        Assert.Equal(1.0, i.Lower + i.Upper, 12);
    }

    [Fact]
    public void Compute_NoTrials_IsWholeRange() => Assert.Equal(new WilsonInterval(0, 1), WilsonInterval.Compute(0, 0));
}
