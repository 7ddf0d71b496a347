using Inkstone.Cli.Rendering;
using Inkstone.Reports;

namespace Inkstone.Tests.Cli.Conventions;

public sealed class TextTableWriterTests
{
    private static readonly ReportTable s_table = new("Win rates", ["model", "genre", "p-value", "rate"],
    [
        ["M_CW+10k", "advertising_copy", "0.0225", "62.75%"],
        ["M_G", "古诗词", "1", "37.25%"],
    ], "n = 204 per pair");

    private static string Render(int width)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        TextTableWriter.Write(writer, s_table, width);
        return writer.ToString();
    }

    [Fact]
    public void Write_WideEnough_AlignedGridNumbersRight()
    {
        var text = Render(200);
        var lines = text.Split('\n');
        Assert.Equal("Win rates", lines[0]);
        Assert.Equal("model     genre             p-value    rate", lines[1]);
        Assert.Equal("M_CW+10k  advertising_copy   0.0225  62.75%", lines[3]);
        // 古诗词 takes six columns: the next column starts where it does in the line above.
        Assert.Equal("M_G       古诗词                  1  37.25%", lines[4]);
        Assert.Equal("n = 204 per pair", lines[5]);
    }

    [Fact]
    public void Write_TooNarrow_EveryCellWholeOnItsOwnLine()
    {
        var text = Render(30);
        foreach (var cell in s_table.Rows.SelectMany(r => r))
            Assert.Contains(text.Split('\n'), line => line.EndsWith(" : " + cell, StringComparison.Ordinal));
        Assert.All(text.Split('\n'), line => Assert.True(DisplayWidth.Of(line) <= 30, line));
        Assert.Contains("[2/2]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("中文", 4)]
    [InlineData("ｆｕｌｌ", 8)]
    [InlineData("e\u0301", 1)]
    [InlineData("𠀀", 2)]
    public void DisplayWidth_Of_CountsTerminalColumns(string text, int expected) => Assert.Equal(expected, DisplayWidth.Of(text));
}
