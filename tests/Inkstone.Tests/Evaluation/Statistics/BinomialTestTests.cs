using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

public sealed class BinomialTestTests
{
    [Theory]
    // 2·(C(10,0)+C(10,1)+C(10,2))/2¹⁰ = 2·56/1024
    [InlineData(2, 10, 0.109375)]
    [InlineData(8, 10, 0.109375)]
    // all five the same way: 2/32
    [InlineData(5, 5, 0.0625)]
    [InlineData(0, 1, 1.0)]
    [InlineData(5, 10, 1.0)]
    [InlineData(0, 0, 1.0)]
    public void TwoSidedPValue_FairCoin_MatchesHandComputation(int k, int n, double expected) =>
        Assert.Equal(expected, BinomialTest.TwoSidedPValue(k, n), 12);

    [Fact]
    public void TwoSidedPValue_SkewedP_SumsOutcomesNoMoreLikelyThanObserved()
    {
        // Bin(3, 0.2): P = 0.512, 0.384, 0.096, 0.008; observing 2 counts outcomes 2 and 3.
        Assert.Equal(0.104, BinomialTest.TwoSidedPValue(2, 3, 0.2), 12);
        // observing 1 (0.384) counts 1, 2 and 3 but not 0 (0.512)
        Assert.Equal(0.488, BinomialTest.TwoSidedPValue(1, 3, 0.2), 12);
    }

    [Theory]
    // reference values from scipy.stats.binomtest(k, n, p).pvalue (scipy 1.10)
    [InlineData(128, 204, 0.5, 0.00033290416438775647)]
    [InlineData(3, 30, 0.3, 0.01568691368848933)]
    [InlineData(900, 1000, 0.5, 1.3403435580012363e-161)]
    public void TwoSidedPValue_MatchesScipyReference(int k, int n, double p, double expected)
    {
        var actual = BinomialTest.TwoSidedPValue(k, n, p);
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * expected, $"{actual:R} vs {expected:R}");
    }

    [Fact]
    public void TwoSidedPValue_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.TwoSidedPValue(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.TwoSidedPValue(1, 10, 1.5));
    }

    [Fact]
    public void TwoSidedPValue_ImpossibleOutcome_IsZero()
    {
        Assert.Equal(0.0, BinomialTest.TwoSidedPValue(1, 5, 0.0));
        Assert.Equal(1.0, BinomialTest.TwoSidedPValue(5, 5, 1.0));
    }
}
