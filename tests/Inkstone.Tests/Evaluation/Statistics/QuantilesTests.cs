using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

public sealed class QuantilesTests
{
    [Theory]
    // numpy.quantile([1, 2, 3, 4], q): h = 3q
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.975, 3.925)]
    [InlineData(1.0, 4.0)]
    public void Linear_MatchesNumpyDefault(double q, double expected) => Assert.Equal(expected, Quantiles.Linear([1.0, 2, 3, 4], q), 12);
}
