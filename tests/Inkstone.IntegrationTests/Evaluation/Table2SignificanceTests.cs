using Inkstone.Evaluation.Statistics;
using Inkstone.Tests.Evaluation.Statistics;

namespace Inkstone.IntegrationTests.Evaluation;

public sealed class Table2SignificanceTests
{
    [Theory]
    [InlineData("zh", 204, 0)]
    [InlineData("zh", 204, 24)]
    [InlineData("en", 353, 40)]
    public void WinRateMatrix_PaperTable_SignificanceAndIntervalsMatchScipy(string language, int perPair, int ties)
    {
        var matrix = WinRateMatrix.Build(PaperTable2.Verdicts(language == "zh" ? PaperTable2.Chinese : PaperTable2.English, perPair, ties), PaperTable2.Models);
        var cells = matrix.Cells().ToList();
        var reference = PythonReference.Run("""
            import json, sys
            from scipy.stats import binomtest
            from statsmodels.stats.proportion import proportion_confint
            out = []
            for w, l, t in json.load(sys.stdin):
                p = binomtest(w, w + l).pvalue
                lo, hi = proportion_confint(w + t / 2, w + l + t, method="wilson")
                out.append([p, lo, hi])
            print(json.dumps(out))
            """, cells.Select(c => new[] { c.Counts.Wins, c.Counts.Losses, c.Counts.Ties }));
        for (var i = 0; i < cells.Count; i++)
        {
            var p = reference[i]![0]!.GetValue<double>();
            Assert.Equal(p < 0.05, cells[i].IsSignificant());
            Assert.True(Math.Abs(cells[i].PValue - p) <= 1e-9 * p, $"{cells[i].Row} vs {cells[i].Column}: {cells[i].PValue:R} vs {p:R}");
            Assert.Equal(reference[i]![1]!.GetValue<double>(), cells[i].Interval.Lower, 10);
            Assert.Equal(reference[i]![2]!.GetValue<double>(), cells[i].Interval.Upper, 10);
        }
    }
}
