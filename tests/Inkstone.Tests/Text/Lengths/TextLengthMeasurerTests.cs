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

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("床前明月光，疑是地上霜。", 12, 10)]
    [InlineData("a😀b", 3, 0)]
    [InlineData("𠀀𪚥", 2, 2)] // CJK extension B, outside the BMP: one code point each
    [InlineData("々〇〡", 3, 3)] // iteration mark, ideographic zero, Hangzhou numeral one are Script=Han
    [InlineData("「」、。ＡＢ123", 9, 0)] // CJK punctuation and full-width letters are not
    [InlineData("⺀⺚⼀", 3, 2)] // U+2E80 and U+2F00 are radicals (Han); U+2E9A is unassigned
    public void CountCodePointsAndHan_CountsCodePointsAndHan(string text, int codePoints, int han)
    {
        Assert.Equal((codePoints, han), TextLengthMeasurer.CountCodePointsAndHan(text));
    }

    [Fact]
    public void CountCodePointsAndHan_LoneSurrogate_CountsAsOneCodePoint()
    {
        var text = new string([(char)0xD800, 'x']);

        Assert.Equal((2, 0), TextLengthMeasurer.CountCodePointsAndHan(text));
    }
}
