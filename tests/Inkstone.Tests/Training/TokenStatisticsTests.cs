using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class TokenStatisticsTests
{
    [Fact]
    public void From_Lengths_MatchesHandComputedNumpyLinearQuantiles()
    {
        // Sorted: 10 20 30 40 100. numpy.quantile(linear): q=0.5 → 30; q=0.9 → h=3.6 → 40 + 0.6·60 = 76;
        // q=0.99 → h=3.96 → 40 + 0.96·60 = 97.6. Mean 40, total 200, over a cutoff of 35: 40 and 100.
        var statistics = TokenStatistics.From([40, 10, 100, 30, 20], cutoff: 35);
        Assert.Equal(5, statistics.Samples);
        Assert.Equal(200, statistics.TotalTokens);
        Assert.Equal(40, statistics.Mean);
        Assert.Equal(30, statistics.Median);
        Assert.Equal(76, statistics.P90, 9);
        Assert.Equal(97.6, statistics.P99, 9);
        Assert.Equal(100, statistics.Max);
        Assert.Equal(2, statistics.OverCutoff);
    }

    [Fact]
    public void From_Nothing_IsEmpty()
    {
        Assert.Equal(TokenStatistics.Empty, TokenStatistics.From([], 100));
    }

    [Theory]
    // p99 of [100, 200, ..., 10000] (100 values) = 9901 → next multiple of 1024 is 10240.
    [InlineData(100, 1024, 32768, 10240)]
    // Capped.
    [InlineData(100, 1024, 8192, 8192)]
    // Small values still give one whole multiple.
    [InlineData(1, 1024, 32768, 1024)]
    public void CutoffLengthRule_Apply_RoundsP99UpAndCaps(int step, int multiple, int cap, int expected)
    {
        var lengths = Enumerable.Range(1, 100).Select(i => i * step).ToList();
        Assert.Equal(expected, new CutoffLengthRule { Multiple = multiple, Cap = cap }.Apply(lengths));
    }

    [Fact]
    public void CharacterEstimate_CountsNonAsciiAndQuarterAscii()
    {
        // 4 Han characters + 9 ASCII characters → 4 + ⌈9/4⌉ = 7.
        Assert.Equal(7, new CharacterEstimateTokenCounter().CountTokens("春眠不觉hello wor"));
        Assert.True(new CharacterEstimateTokenCounter().IsEstimate);
    }

    [Fact]
    public void Measure_AddsPerMessageOverhead()
    {
        var sample = new SftSample("x", SampleOrigin.General, null, "sys", [new ChatTurn(ChatRole.User, "ab"), new ChatTurn(ChatRole.Assistant, "春")]);
        // Estimate: "sys" 1, "ab" 1, "春" 1; plus 5 per message × 3.
        Assert.Equal(18, MixReportBuilder.Measure(sample, new CharacterEstimateTokenCounter(), 5));
    }
}
