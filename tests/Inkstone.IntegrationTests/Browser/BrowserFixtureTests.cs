using System.Text;

namespace Inkstone.IntegrationTests.Browser;

/// <summary>The browser infrastructure itself: offline pages, the network guard, console errors, screenshots, axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserFixtureTests(BrowserFixture browser) : IDisposable
{
    private const string ChinesePage = """
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <title>体裁分布</title>
          <style>
            body { font-family: "WenQuanYi Micro Hei", sans-serif; margin: 2rem; }
            table { border-collapse: collapse; }
            td, th { border: 1px solid #888; padding: 0.2rem 0.6rem; }
          </style>
        </head>
        <body>
          <h1>体裁分布</h1>
          <svg id="figure" xmlns="http://www.w3.org/2000/svg" width="420" height="180" role="img"
               aria-labelledby="figure-title">
            <title id="figure-title">每个体裁的三元组数量</title>
            <rect x="60" y="40" width="240" height="30" fill="#0072B2"/>
            <rect x="60" y="90" width="90" height="30" fill="#E69F00"/>
            <text x="10" y="60" font-family="WenQuanYi Micro Hei" font-size="14">小说</text>
            <text x="10" y="110" font-family="WenQuanYi Micro Hei" font-size="14">诗歌</text>
            <text x="60" y="160" font-family="WenQuanYi Micro Hei" font-size="14">三元组数量（n = 330）</text>
          </svg>
          <table>
            <caption>表 5：类别</caption>
            <thead><tr><th scope="col">类别</th><th scope="col">数量</th></tr></thead>
            <tbody><tr><td>小说</td><td>240</td></tr><tr><td>诗歌</td><td>90</td></tr></tbody>
          </table>
        </body>
        </html>
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("inkstone-browser-");

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenFile_SelfContainedPage_RendersOfflineWithNothingBlocked()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);

        await session.OpenFileAsync(Write("figure.html", ChinesePage), Cancel);

        Assert.Empty(session.BlockedRequests);
        Assert.Empty(session.ConsoleErrors);
        Assert.Equal("体裁分布", await session.Page.TitleAsync());
        Assert.Equal(
            ["小说", "诗歌", "三元组数量（n = 330）"], await session.Page.Locator("#figure text").AllTextContentsAsync());
        Assert.Equal(2, await session.Page.Locator("tbody tr").CountAsync());
        var box = await session.Page.Locator("#figure").BoundingBoxAsync();
        Assert.Equal(420, box!.Width, precision: 0);
    }

    [Fact]
    public async Task OpenFile_ExternalResources_AreBlockedAndReported()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        var page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
            <link rel="stylesheet" href="https://cdn.example.com/theme.css">
            </head><body><p id="p">text</p><img alt="logo" src="http://93.184.216.34/logo.png"></body></html>
            """;

        await session.OpenFileAsync(Write("external.html", page), Cancel);

        Assert.Equal(
            [new BlockedRequest("http://93.184.216.34/logo.png", "image"),
             new BlockedRequest("https://cdn.example.com/theme.css", "stylesheet")],
            session.BlockedRequests.OrderBy(r => r.Url, StringComparer.Ordinal));
        Assert.Equal("text", await session.Page.Locator("#p").TextContentAsync());
    }

    [Fact]
    public async Task OpenFile_ScriptFetchAndWebSocketOutside_AreBlocked()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        var page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>
            <script>
              fetch('https://api.example.com/track').catch(() => document.title = 'fetch refused');
              const socket = new WebSocket('wss://example.com/live');
              socket.onclose = event => document.body.dataset.socket = 'closed ' + event.code;
            </script></body></html>
            """;

        await session.OpenFileAsync(Write("script.html", page), Cancel);
        await session.Page.WaitForFunctionAsync(
            "() => document.title === 'fetch refused' && document.body.dataset.socket !== undefined");

        Assert.Equal(
            [new BlockedRequest("https://api.example.com/track", "fetch"),
             new BlockedRequest("wss://example.com/live", "websocket")],
            session.BlockedRequests.OrderBy(r => r.Url, StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenFile_LoopbackServer_IsReachable()
    {
        using var server = LoopbackStylesheet.Start("p { color: rgb(0, 114, 178); }");
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        var page = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
            <link rel="stylesheet" href="{server.Url}"></head><body><p id="p">text</p></body></html>
            """;

        await session.OpenFileAsync(Write("loopback.html", page), Cancel);

        Assert.Empty(session.BlockedRequests);
        var color = await session.Page.Locator("#p").EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.Equal("rgb(0, 114, 178)", color);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task ConsoleErrors_ScriptErrorsAndUncaughtExceptions_AreRecorded()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        var page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>
            <script>console.error('figure data missing'); console.log('fine'); null.x;</script></body></html>
            """;

        await session.OpenFileAsync(Write("errors.html", page), Cancel);

        Assert.Equal(2, session.ConsoleErrors.Count);
        Assert.Equal("figure data missing", session.ConsoleErrors[0]);
        Assert.StartsWith("uncaught: ", session.ConsoleErrors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshot_PageAndElement_WritesPngFiles()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        await session.OpenFileAsync(Write("figure.html", ChinesePage), Cancel);
        var pagePng = Path.Combine(_folder.FullName, "shots", "page.png");
        var figurePng = Path.Combine(_folder.FullName, "shots", "figure.png");

        await session.ScreenshotAsync(pagePng, cancellationToken: Cancel);
        await session.ScreenshotAsync(figurePng, "#figure", Cancel);

        // the element's box may start at a fractional y, which the capture rounds outward
        var (figureWidth, figureHeight) = PngSize(figurePng);
        Assert.Equal(420, figureWidth);
        Assert.InRange(figureHeight, 180, 181);
        var (width, height) = PngSize(pagePng);
        Assert.Equal(1280, width);
        Assert.True(height >= 180, $"page screenshot is {height} px high");
    }

    [Fact]
    public async Task CheckGlyphs_CjkFont_FindsNoBoxes()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        await session.OpenFileAsync(Write("figure.html", ChinesePage), Cancel);

        var result = await session.CheckGlyphsAsync("svg text, table", Cancel);

        Assert.Empty(result.Missing);
        Assert.Empty(result.Undetectable);
        Assert.Equal(4, result.Roots);
        // 小说诗歌三元组数量（n=330）表5：类别 and the digits: every distinct character was drawn
        Assert.True(result.Checked >= 18, $"checked {result.Checked} characters");
        await session.AssertNoMissingGlyphsAsync("#figure", Cancel);
    }

    [Fact]
    public async Task CheckGlyphs_LatinFontWithInstalledCjkFallback_FindsNoBoxes()
    {
        // what counts is what is drawn: Chromium falls back to the installed CJK font for the Han characters
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        var page = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head>
            <body><p id="p" style="font-family: 'DejaVu Sans'">胜率 win</p></body></html>
            """;
        await session.OpenFileAsync(Write("fallback.html", page), Cancel);

        var result = await session.CheckGlyphsAsync("#p", Cancel);

        Assert.Empty(result.Missing);
        Assert.Equal(5, result.Checked);
    }

    [Fact]
    public async Task AssertNoMissingGlyphs_NothingToCheck_Fails()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        await session.OpenFileAsync(Write("figure.html", ChinesePage), Cancel);

        await Assert.ThrowsAnyAsync<Exception>(() => session.AssertNoMissingGlyphsAsync("#no-such-figure", Cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => session.AssertNoMissingGlyphsAsync("svg rect", Cancel));
    }

    [Fact]
    public async Task SeriousAccessibilityViolations_ImageWithoutAlt_Reported()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        var page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report</title></head>
            <body><main><h1>Report</h1><img id="chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>
            """;
        await session.OpenFileAsync(Write("no-alt.html", page), Cancel);

        var violations = await session.SeriousAccessibilityViolationsAsync(Cancel);

        var violation = Assert.Single(violations);
        Assert.Equal("image-alt", violation.Rule);
        Assert.Equal("critical", violation.Impact);
        Assert.Contains("#chart", Assert.Single(violation.Targets), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeriousAccessibilityViolations_CleanPage_None()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        await session.OpenFileAsync(Write("figure.html", ChinesePage.Replace("<h1>", "<main><h1>", StringComparison.Ordinal)
            .Replace("</body>", "</main></body>", StringComparison.Ordinal)), Cancel);

        Assert.Empty(await session.SeriousAccessibilityViolationsAsync(Cancel));
        Assert.Empty(session.BlockedRequests);
    }

    [Fact]
    public async Task SeriousAccessibilityViolations_PageWhoseCspForbidsScripts_StillChecked()
    {
        // the web app's pages forbid inline script; axe and the glyph check must run there all the same
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        var page = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'self'">
            <title>审阅</title></head>
            <body><main><h1>审阅</h1><img id="chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>
            """;
        await session.OpenFileAsync(Write("csp.html", page), Cancel);

        var violation = Assert.Single(await session.SeriousAccessibilityViolationsAsync(Cancel));
        Assert.Equal("image-alt", violation.Rule);
        await session.AssertNoMissingGlyphsAsync("h1", Cancel);
    }

    [Fact]
    public async Task NewSession_Configured_KeepsTheNetworkGuard()
    {
        await using var session = await browser.NewSessionAsync(
            options => options.ViewportSize = new() { Width = 800, Height = 600 }, Cancel);
        var page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
            <link rel="stylesheet" href="https://cdn.example.com/theme.css"></head><body></body></html>
            """;

        await session.OpenFileAsync(Write("configured.html", page), Cancel);

        Assert.Equal(800, await session.Page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.Equal("https://cdn.example.com/theme.css", Assert.Single(session.BlockedRequests).Url);
    }

    [Fact]
    public async Task NewSession_ChromiumMissing_RefusedNamingThePath()
    {
        await using var missing = new BrowserFixture("/nonexistent/chromium");
        await missing.InitializeAsync();

        Assert.False(missing.Available);
        Assert.Equal("/nonexistent/chromium not found; install Debian's 'chromium' package", missing.Problem);
        // locally the refusal is a skip, which xunit records against this test however it is caught; under CI it
        // is a failure, and that is the case that must never pass silently
        if (Infrastructure.RequiredService.Required)
        {
            var refusal = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(
                () => missing.NewSessionAsync(cancellationToken: Cancel));
            Assert.Contains("/nonexistent/chromium not found", refusal.Message, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string html)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, html, new UTF8Encoding(false));
        return path;
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
