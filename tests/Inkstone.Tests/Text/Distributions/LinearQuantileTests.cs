using Inkstone.Text.Distributions;

namespace Inkstone.Tests.Text.Distributions;

public sealed class LinearQuantileTests
{
    [Theory]
    // numpy.quantile([1, 2, 3, 4], q): h = 3q
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.975, 3.925)]
    [InlineData(1.0, 4.0)]
    public void Of_MatchesNumpyDefault(double p, double expected) => Assert.Equal(expected, LinearQuantile.Of([1.0, 2, 3, 4], p), 12);

    [Fact]
    public void Of_NoValues_Throws() => Assert.Throws<ArgumentException>(() => LinearQuantile.Of([], 0.5));
}
