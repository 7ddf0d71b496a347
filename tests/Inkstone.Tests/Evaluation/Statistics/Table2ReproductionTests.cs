using System.Globalization;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

public sealed class Table2ReproductionTests
{
    [Theory]
    [InlineData("zh", 204, 0)]
    [InlineData("zh", 204, 20)]
    [InlineData("en", 353, 0)]
    [InlineData("en", 353, 30)]
    public void WinRateMatrix_ConstructedVerdicts_ReproducePaperPercentages(string language, int perPair, int ties)
    {
        var table = language == "zh" ? PaperTable2.Chinese : PaperTable2.English;
        var matrix = WinRateMatrix.Build(PaperTable2.Verdicts(table, perPair, ties), PaperTable2.Models);
        for (var i = 0; i < 5; i++)
            for (var j = 0; j < 5; j++)
            {
                if (i == j) continue;
                var cell = matrix.Cell(i, j)!;
                Assert.Equal(perPair, cell.Counts.Comparisons);
                var shown = (100 * cell.WinRate).ToString("F2", CultureInfo.InvariantCulture);
                Assert.Equal(table[i, j]!.Value.ToString("F2", CultureInfo.InvariantCulture), shown);
            }
    }

    [Fact]
    public void WinRateMatrix_ChineseTable_MarksSignificantCells()
    {
        var matrix = WinRateMatrix.Build(PaperTable2.Verdicts(PaperTable2.Chinese, 204, 0), PaperTable2.Models);
        // scipy.stats.binomtest on the constructed counts: every Chinese pair differs at 0.05 except M_CW+5k vs M_G (102:102).
        foreach (var cell in matrix.Cells())
        {
            var parity = (cell.Row, cell.Column) is ("M_CW+5k", "M_G") or ("M_G", "M_CW+5k");
            Assert.Equal(!parity, cell.IsSignificant());
        }
        var headline = matrix.Cell("M_CW+10k", "M_G")!;
        Assert.Equal("***", headline.SignificanceMark); // the paper's p < 0.001; scipy: 0.000333
        Assert.Equal(0.00033290416438775647, headline.PValue, 12);
        Assert.Equal("*", matrix.Cell("M_CW+1k", "M_G")!.SignificanceMark); // scipy: 0.0297
        Assert.Equal("**", matrix.Cell("M_CW", "M_CW+1k")!.SignificanceMark); // scipy: 0.00252
    }
}
