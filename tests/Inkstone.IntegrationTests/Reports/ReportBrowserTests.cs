using System.Text.Json;
using Inkstone.IntegrationTests.Browser;

namespace Inkstone.IntegrationTests.Reports;

/// <summary>
/// The dataset report as a reader opens it: in Chromium, offline, every figure there with its title and axis labels,
/// no text drawn as missing-glyph boxes, nothing fetched from anywhere, no serious accessibility problem.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-report-browser-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatasetReport_InChromium_EveryFigureReadableOfflineAndAccessible()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "coig-writer-sample.jsonl");
        await AssertReadableAsync("dataset", ["report", "dataset", sample]);
    }

    [Fact]
    public async Task EvalReport_InChromium_EveryFigureReadableOfflineAndAccessible()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        await AssertReadableAsync("eval", ["report", "eval", Path.Combine(samples, "judgments", "pairwise.jsonl"), Path.Combine(samples, "judgments", "rankings.jsonl"),
            "--queries", Path.Combine(samples, "queries-zh.jsonl")]);
    }

    [Fact]
    public async Task CurationAndPaperReports_InChromium_EveryFigureReadableOfflineAndAccessible()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var workspace = Path.Combine(_directory, "demo-ws");
        await RunAsync(["demo", "-w", workspace, "--from", Path.Combine(samples, "sources")]);
        await AssertReadableAsync("curation", ["report", "curation", "-w", workspace]);
        await AssertReadableAsync("paper", ["report", "paper", Path.Combine(samples, "judgments", "pairwise.jsonl"),
            "--dataset", Path.Combine(samples, "coig-writer-sample.jsonl"), "-w", workspace, "--queries", Path.Combine(samples, "queries-zh.jsonl")]);
    }

    /// <summary>Writes the report with <paramref name="verb"/>, then reads it as a person would, in Chromium.</summary>
    private async Task AssertReadableAsync(string name, string[] verb)
    {
        var html = Path.Combine(_directory, name + ".html");
        Assert.Equal(0, await InvokeCliAsync([.. verb, "-o", html]));
        var numbers = await CaptureStdoutAsync([.. verb, "-o", Path.Combine(_directory, name + "-again.html"), "--format", "json"]);
        using var document = JsonDocument.Parse(numbers);
        var expectedFigures = document.RootElement.GetProperty("figures").GetArrayLength();
        Assert.True(expectedFigures >= 2, $"{expectedFigures} figures");

        await using var session = await browser.NewSessionAsync(cancellationToken: Ct);
        await session.OpenFileAsync(html, Ct);

        Assert.Empty(session.BlockedRequests);
        Assert.Empty(session.ConsoleErrors);
        var figures = session.Page.Locator("figure");
        Assert.Equal(expectedFigures, await figures.CountAsync());
        for (var i = 0; i < expectedFigures; i++)
        {
            var figure = figures.Nth(i);
            var caption = await figure.Locator("figcaption").InnerTextAsync();
            Assert.Contains("Horizontal axis:", caption, StringComparison.Ordinal);
            Assert.Contains("vertical axis:", caption, StringComparison.Ordinal);
            var box = await figure.Locator("svg").First.BoundingBoxAsync();
            Assert.True(box is { Width: > 200, Height: > 100 }, $"figure {i} is drawn {box?.Width}×{box?.Height}");
        }
        // Every text of the page (tables with Chinese genre names, captions, headings) in a font that has its glyphs.
        await session.AssertNoMissingGlyphsAsync("h1, h2, figcaption, th, td", Ct);
        Assert.Empty(await session.SeriousAccessibilityViolationsAsync(Ct));
    }

    private static async Task<int> InvokeCliAsync(string[] args)
    {
        var (code, _) = await RunAsync(args);
        return code;
    }

    private static async Task<string> CaptureStdoutAsync(string[] args)
    {
        var (code, output) = await RunAsync(args);
        Assert.Equal(0, code);
        return output;
    }

    /// <summary>The CLI in its own process: standard output is the verb's own, whatever other tests do with the console.</summary>
    private static async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Inkstone.Cli.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"inkstone {string.Join(' ', args)} → {process.ExitCode}: {await error}");
        return (process.ExitCode, await output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
