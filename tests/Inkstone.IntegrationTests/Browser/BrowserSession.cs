using System.Collections.Concurrent;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// One test's browser context and page. Every request outside <see cref="NetworkPolicy"/> is aborted and listed in
/// <see cref="BlockedRequests"/>; console errors and uncaught page errors are listed in <see cref="ConsoleErrors"/>.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentQueue<BlockedRequest> _blocked = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Requests the page made to anywhere but local files, inline data and the loopback interface.</summary>
    public IReadOnlyList<BlockedRequest> BlockedRequests => [.. _blocked];

    /// <summary>Console messages of type error and uncaught exceptions, in the order they came.</summary>
    public IReadOnlyList<string> ConsoleErrors => [.. _consoleErrors];

    internal static async Task<BrowserSession> CreateAsync(IBrowserContext context, CancellationToken cancellationToken)
    {
        try
        {
            var session = new BrowserSession(context, await context.NewPageAsync().ConfigureAwait(false));
            await session.GuardNetworkAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return session;
        }
        catch
        {
            await context.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task GuardNetworkAsync()
    {
        // Routes see http(s) requests of every page and worker of the context; file: and data: never reach them.
        await Context.RouteAsync("**/*", async route =>
        {
            var request = route.Request;
            if (NetworkPolicy.IsAllowed(request.Url))
            {
                await route.ContinueAsync().ConfigureAwait(false);
                return;
            }

            _blocked.Enqueue(new BlockedRequest(request.Url, request.ResourceType));
            await route.AbortAsync("blockedbyclient").ConfigureAwait(false);
        }).ConfigureAwait(false);

        // WebSockets bypass ordinary routes. One not connected to its server never leaves the browser; closing it
        // shows the page a failed connection rather than a silent mock.
        await Context.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex(".*"), async ws =>
        {
            if (NetworkPolicy.IsAllowed(ws.Url))
            {
                ws.ConnectToServer();
                return;
            }

            _blocked.Enqueue(new BlockedRequest(ws.Url, "websocket"));
            await ws.CloseAsync(new WebSocketRouteCloseOptions { Code = 1008, Reason = "blocked by the test" })
                .ConfigureAwait(false);
        }).ConfigureAwait(false);

        Page.Console += (_, message) =>
        {
            if (message.Type == "error") _consoleErrors.Enqueue(message.Text);
        };
        Page.PageError += (_, error) => _consoleErrors.Enqueue("uncaught: " + error);
    }

    /// <summary>Opens a local HTML file and waits until it and its fonts have loaded.</summary>
    public async Task<IResponse?> OpenFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        var response = await Page.GotoAsync(uri, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            .ConfigureAwait(false);
        await Page.EvaluateAsync("() => document.fonts.ready.then(() => true)").ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return response;
    }

    /// <summary>
    /// Saves a PNG of the page (or of the first element matching <paramref name="selector"/>) at
    /// <paramref name="path"/>, creating its folder: the screenshots in docs/ are taken this way.
    /// </summary>
    public async Task ScreenshotAsync(string path, string? selector = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (selector is null)
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true }).ConfigureAwait(false);
        else
            await Page.Locator(selector).First.ScreenshotAsync(new LocatorScreenshotOptions { Path = path })
                .ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Which visible characters under the elements matching <paramref name="selector"/> (the whole body when null)
    /// rendered as a missing-glyph box. See <see cref="MissingGlyphScript"/> for the method.
    /// </summary>
    public async Task<GlyphCheckResult> CheckGlyphsAsync(
        string? selector = null, CancellationToken cancellationToken = default)
    {
        var json = await Page.EvaluateAsync<JsonElement>(MissingGlyphScript.Source, selector).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return json.Deserialize<GlyphCheckResult>(JsonOptions)
            ?? throw new InvalidOperationException("the glyph check returned nothing");
    }

    /// <summary>
    /// Fails the test when no element matches, when there was no text to check, when a font's box cannot be
    /// identified, or when any character is a box.
    /// </summary>
    public async Task AssertNoMissingGlyphsAsync(string? selector = null, CancellationToken cancellationToken = default)
    {
        var result = await CheckGlyphsAsync(selector, cancellationToken).ConfigureAwait(false);
        Assert.True(result.Roots > 0, $"no element matches '{selector}'");
        Assert.True(result.Checked > 0, $"no visible text under '{selector ?? "body"}'");
        Assert.True(result.Undetectable.Count == 0,
            "cannot tell missing glyphs apart in: " + string.Join(", ", result.Undetectable));
        Assert.True(result.Missing.Count == 0,
            "characters rendered as missing-glyph boxes:\n" + string.Join("\n", result.Missing));
    }

    /// <summary>Runs axe on the current page and returns the violations of impact serious or critical.</summary>
    public async Task<IReadOnlyList<AxeViolation>> SeriousAccessibilityViolationsAsync(
        CancellationToken cancellationToken = default)
    {
        var result = await Page.RunAxe().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return
        [
            .. result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => new AxeViolation(v.Id, v.Impact, v.Help,
                    [.. v.Nodes.Select(n => n.Target?.ToString() ?? n.Html)])),
        ];
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync().ConfigureAwait(false);
}
