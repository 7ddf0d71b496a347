using Inkstone.Statistics;

namespace Inkstone.Tests.Statistics;

public sealed class TextLengthsTests
{
    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("床前明月光，疑是地上霜。", 12, 10)]
    [InlineData("a😀b", 3, 0)]
    [InlineData("𠀀𪚥", 2, 2)] // CJK extension B, outside the BMP: one code point each
    [InlineData("々〇〡", 3, 3)] // iteration mark, ideographic zero, Hangzhou numeral one are Script=Han
    [InlineData("「」、。ＡＢ123", 9, 0)] // CJK punctuation and full-width letters are not
    [InlineData("⺀⺚⼀", 3, 2)] // U+2E80 and U+2F00 are radicals (Han); U+2E9A is unassigned
    public void Measure_CountsCodePointsAndHan(string text, int codePoints, int han)
    {
        Assert.Equal((codePoints, han), TextLengths.Measure(text));
    }

    [Fact]
    public void Measure_LoneSurrogate_CountsAsOneCodePoint()
    {
        var text = new string([(char)0xD800, 'x']);

        Assert.Equal((2, 0), TextLengths.Measure(text));
    }
}
