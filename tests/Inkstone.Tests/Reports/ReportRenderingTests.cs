using System.Text.RegularExpressions;
using Inkstone.Datasets;
using Inkstone.Reports.Documents;
using Inkstone.Reports.Figures;
using Inkstone.Reports.Fonts;
using Inkstone.Reports.Html;
using Inkstone.Reports.Rendering;
using Inkstone.Statistics;

namespace Inkstone.Tests.Reports;

/// <summary>
/// Rendering with a real CJK font (found on the machine: skipped locally without one, failed under CI). Kept apart
/// from the model tests so that the unit suite's other tests need only the .NET SDK.
/// </summary>
public sealed partial class ReportRenderingTests
{
    private static async Task<ReportDocument> DatasetDocumentAsync() =>
        DatasetReport.Build(await DatasetStatisticsService.ComputeAsync(
            Path.Combine(AppContext.BaseDirectory, "samples", "coig-writer-sample.jsonl"), DatasetReadOptions.Default,
            cancellationToken: TestContext.Current.CancellationToken));

    [Fact]
    public async Task Svg_HasTitleAndAxisLabels_TextDrawnAsOutlines()
    {
        using var font = RequiredFont.Cjk();
        var renderer = new FigureRenderer(font);
        var figure = (await DatasetDocumentAsync()).Figures.Single(f => f.Id == DatasetFigures.GenreDistributionId);
        var svg = renderer.Svg(figure);
        Assert.Contains($"<title>{figure.Title}</title>", svg, StringComparison.Ordinal);
        Assert.Contains(figure.XLabel, svg, StringComparison.Ordinal);
        Assert.Contains(figure.YLabel, svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<text", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"散文\"", svg, StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], renderer.Png(figure)[..4]);
    }

    [Fact]
    public void Svg_GroupedBarsZeroMeasuredOnVerdicts_KeepsItsLabel()
    {
        using var font = RequiredFont.Cjk();
        var figure = new BarFigure
        {
            Id = "zero", Title = "win rate per genre", XLabel = "genre", YLabel = "win rate (%)", Definition = "test", N = 14, ValueFormat = "F1",
            Series =
            [
                new FigureSeries("M_CW", [new FigureBar("散文", 0, 6), new FigureBar("小说", 50, 4)]),
                new FigureSeries("M_G", [new FigureBar("散文", 100, 6), new FigureBar("小说", 0, 0)]),
            ],
        };

        var svg = new FigureRenderer(font).Svg(figure);

        Assert.Contains("aria-label=\"0.0 (n=6)\"", svg, StringComparison.Ordinal); // a measured 0 %: a result
        Assert.DoesNotContain("aria-label=\"0.0 (n=0)\"", svg, StringComparison.Ordinal); // no verdicts behind it: no label
    }

    [Fact]
    public async Task Html_SelfContained_NoScriptNoExternalReference()
    {
        using var font = RequiredFont.Cjk();
        var html = HtmlReportWriter.Write(await DatasetDocumentAsync(), new FigureRenderer(font));
        foreach (var forbidden in (string[])["http://", "https://", "src=", "@import", "<script", "<link"])
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        // url(...) only to fragments of the same document (clip paths) or data:
        Assert.All(UrlReference().Matches(html), m => Assert.Matches("^url\\((#|data:)", m.Value));
        Assert.Equal(5, Regex.Count(html, "<figure "));
        Assert.Contains(font.Family, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EscapesGenreAndPlatformNamesFromData()
    {
        using var font = RequiredFont.Cjk();
        var status = CurationFiguresTests.Status(genre: "<script>alert(1)</script>", platform: "a&b\"<img>");
        var html = HtmlReportWriter.Write(CurationReport.Build(status, "/ws"), new FigureRenderer(font));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FontWithoutCjkGlyphs_Refused()
    {
        var latin = RequiredFont.LatinOnly();
        var e = Assert.Throws<ReportFontException>(() => CjkFontResolver.Resolve(latin));
        Assert.Contains(CjkFontResolver.NotFoundMessage, e.Message, StringComparison.Ordinal);

        // A face that loads but lacks glyphs for a figure's labels stops rendering instead of drawing boxes.
        using var font = ReportFont.TryLoad(latin)!;
        var figure = (await DatasetDocumentAsync()).Figures[0];
        Assert.NotEmpty(font.MissingGlyphs(figure.Labels()));
        Assert.Throws<ReportFontException>(() => font.EnsureGlyphs(figure.Labels()));
    }

    [GeneratedRegex(@"url\([^)]*\)")]
    private static partial Regex UrlReference();
}
