using Inkstone.Text.Distributions;

namespace Inkstone.Tests.Text.Distributions;

public sealed class DistributionSummaryTests
{
    [Fact]
    public void Of_WithOutlier_MatchesBoxPlotByHand()
    {
        // sorted 1 2 3 4 100: Q1 at h = 1 → 2, median 3, Q3 at h = 3 → 4; IQR 2; fences −1 and 7; 100 is an outlier.
        var s = DistributionSummary.Of([100, 3, 1, 4, 2])!;
        Assert.Equal(5, s.Count);
        Assert.Equal(22, s.Mean, 12);
        Assert.Equal(2, s.Q1);
        Assert.Equal(3, s.Median);
        Assert.Equal(4, s.Q3);
        Assert.Equal(2, s.Iqr);
        Assert.Equal(-1, s.LowerFence);
        Assert.Equal(7, s.UpperFence);
        Assert.Equal(1, s.LowerWhisker);
        Assert.Equal(4, s.UpperWhisker);
        Assert.Equal([100.0], s.Outliers);
    }

    [Fact]
    public void Of_EvenCount_InterpolatesLinearly()
    {
        // 1 2 3 4: Q1 h = .75 → 1.75; median h = 1.5 → 2.5; Q3 h = 2.25 → 3.25 (numpy default)
        var s = DistributionSummary.Of([4, 1, 3, 2])!;
        Assert.Equal(1.75, s.Q1, 12);
        Assert.Equal(2.5, s.Median, 12);
        Assert.Equal(3.25, s.Q3, 12);
        Assert.Empty(s.Outliers);
    }

    [Fact]
    public void Of_ZeroIqr_WhiskersStayAtBoxAndBothEndsAreOutliers()
    {
        var s = DistributionSummary.Of([0, 10, 10, 10, 10, 10, 20])!;
        Assert.Equal(0, s.Iqr);
        Assert.Equal(10, s.LowerWhisker);
        Assert.Equal(10, s.UpperWhisker);
        Assert.Equal([0.0, 20.0], s.Outliers);
    }

    [Fact]
    public void Of_SingleValue_AllStatisticsEqualIt()
    {
        var s = DistributionSummary.Of([7])!;
        Assert.Equal(7, s.Q1);
        Assert.Equal(7, s.Q3);
        Assert.Equal(7, s.UpperWhisker);
    }

    [Fact]
    public void Of_Empty_IsNull() => Assert.Null(DistributionSummary.Of([]));

    [Fact]
    public void Of_NaN_Throws() => Assert.Throws<ArgumentException>(() => DistributionSummary.Of([1, double.NaN]));

    [Fact]
    public void LinearQuantile_Extremes_AreMinAndMax()
    {
        double[] sorted = [1, 5, 9];
        Assert.Equal(1, LinearQuantile.Of(sorted, 0));
        Assert.Equal(9, LinearQuantile.Of(sorted, 1));
        Assert.Equal(7, LinearQuantile.Of(sorted, 0.75), 12); // h = 1.5
    }
}
