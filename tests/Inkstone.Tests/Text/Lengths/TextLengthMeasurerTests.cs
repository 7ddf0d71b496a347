using Inkstone.Text.Lengths;

namespace Inkstone.Tests.Text.Lengths;

public sealed class TextLengthMeasurerTests
{
    private sealed class FixedTokenCounter : ITokenCounter
    {
        public string Name => "fixed";

        public int CountTokens(string text) => 42;
    }

    [Fact]
    public void Measure_NonBmpText_CountsCodePointsNotUtf16Units()
    {
        // H e l l o ␠ 世 界 𠀀 ! = 10 code points (11 UTF-16 units); Han 世 界 𠀀
        var lengths = new TextLengthMeasurer().Measure("Hello 世界𠀀!");
        Assert.Equal(10, lengths.CodePoints);
        Assert.Equal(3, lengths.HanCharacters);
        Assert.Equal(1, lengths.EnglishWords);
        Assert.Null(lengths.Tokens);
    }

    [Fact]
    public void Measure_WithTokenCounter_ReportsTokens() =>
        Assert.Equal(42, new TextLengthMeasurer(new FixedTokenCounter()).Measure("x").Tokens);
}
