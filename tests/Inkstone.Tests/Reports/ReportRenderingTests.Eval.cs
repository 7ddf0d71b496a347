using Inkstone.Reports.Figures;
using Inkstone.Reports.Rendering;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Reports;

/// <summary>The evaluation figures rendered with the CJK font: every kind draws, with its title and axis labels.</summary>
public sealed partial class ReportRenderingTests
{
    [Fact]
    public async Task EvalFigures_EveryKindRenders_TitleAxesAndCellLabels()
    {
        using var font = RequiredFont.Cjk();
        using var dir = new TempDirectory();
        var report = await EvalSamples.ReportAsync(dir.Path, TestContext.Current.CancellationToken);
        var renderer = new FigureRenderer(font);
        var figures = EvalFigures.Build(report);
        foreach (var figure in figures)
        {
            var svg = renderer.Svg(figure);
            Assert.Contains($"<title>{figure.Title}</title>", svg, StringComparison.Ordinal);
            Assert.Contains(figure.XLabel, svg, StringComparison.Ordinal);
            Assert.Contains(figure.YLabel, svg, StringComparison.Ordinal);
            Assert.DoesNotContain("<text", svg, StringComparison.Ordinal);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], renderer.Png(figure)[..4]);
        }
        // Each heat-map cell is labelled with its win rate, mark and n; each box with its model and n.
        var map = figures.OfType<HeatMapFigure>().First();
        var mapSvg = renderer.Svg(map);
        foreach (var cell in map.Cells)
            Assert.Contains($"aria-label=\"{FigureRenderer.HeatMapLabel(cell)}\"", mapSvg, StringComparison.Ordinal);
        var boxes = figures.OfType<BoxFigure>().First();
        Assert.Contains($"aria-label=\"{FigureRenderer.BoxLabel(boxes.Boxes[0])}\"", renderer.Svg(boxes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, "#FFFFFF")]
    [InlineData(1.0, "#E69E66")]
    [InlineData(0.0, "#66AAD1")]
    public void HeatMapColour_WhiteAtHalf_DivergingToVermilionAndBlue(double value, string expected) =>
        Assert.Equal(expected, FigureRenderer.Diverging(value, 0.5));
}
