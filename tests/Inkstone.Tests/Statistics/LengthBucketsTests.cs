using Inkstone.Statistics;

namespace Inkstone.Tests.Statistics;

public sealed class LengthBucketsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(9, 2)]
    [InlineData(10, 3)]
    [InlineData(31, 3)]
    [InlineData(32, 4)]
    [InlineData(100, 5)]
    [InlineData(316, 5)]
    [InlineData(317, 6)]
    [InlineData(3162, 7)]
    [InlineData(3163, 8)]
    [InlineData(31071, 9)]
    [InlineData(int.MaxValue, 19)]
    public void IndexOf_HalfDecades(long length, int index) => Assert.Equal(index, LengthBuckets.IndexOf(length));

    [Fact]
    public void Bounds_AreSmallestIntegersAtOrAboveHalfPowersOfTen()
    {
        // ceil(sqrt(10^k)) by hand: sqrt(10) = 3.16, sqrt(1000) = 31.6, sqrt(1e5) = 316.2, sqrt(1e7) = 3162.3, sqrt(1e9) = 31622.8
        Assert.Equal([0L, 1, 4, 10, 32, 100, 317, 1000, 3163, 10000, 31623, 100000], Enumerable.Range(0, 12).Select(LengthBuckets.LowerBound));
        Assert.Equal(1, LengthBuckets.UpperBound(0));
        Assert.Equal(317, LengthBuckets.UpperBound(5));
        for (var i = 0; i < LengthBuckets.Count - 1; i++)
        {
            Assert.Equal(i, LengthBuckets.IndexOf(LengthBuckets.LowerBound(i)));
            Assert.Equal(i, LengthBuckets.IndexOf(LengthBuckets.UpperBound(i) - 1));
        }
    }
}
