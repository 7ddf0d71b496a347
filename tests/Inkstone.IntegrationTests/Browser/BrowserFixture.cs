using Inkstone.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// One headless Chromium per test collection (launching costs about a second; a context per test costs milliseconds).
/// Drives the system Chromium through Playwright's bundled driver; Playwright's browser download is never used.
/// When Chromium is missing, <see cref="NewSessionAsync"/> skips the test locally and fails it under CI.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    // The flags the design names: no sandbox (tests run as root in containers), and no background traffic of the
    // browser's own (updates, sync, safe browsing) that would reach outside or slow the first launch.
    private static readonly string[] LaunchFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture()
        : this(ChromiumProbe.ExecutablePath)
    {
    }

    internal BrowserFixture(string executablePath) => ExecutablePath = executablePath;

    public string ExecutablePath { get; }

    public bool Available => _browser is not null;

    /// <summary>Why the browser could not be started (null when it was).</summary>
    public string? Problem { get; private set; }

    /// <summary>How long launching took (the driver's start and Chromium's), for the timings in the docs.</summary>
    public TimeSpan LaunchTime { get; private set; }

    /// <summary>Environment variables for the browser process; a subclass may restrict its fonts.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> BrowserEnvironment() => [];

    public virtual async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Problem = $"{ExecutablePath} not found; install Debian's 'chromium' package";
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = LaunchFlags,
                Env = BrowserEnvironment().ToDictionary(),
                Timeout = 60_000,
            }).ConfigureAwait(false);
        }
        catch (PlaywrightException ex)
        {
            Problem = ex.Message;
        }

        LaunchTime = started.Elapsed;
    }

    /// <summary>
    /// A fresh browser context and page for one test: its own cookies and storage, the network policy in force,
    /// console errors recorded. <paramref name="configure"/> may change the defaults (1280 × 900, zh-CN; a web app
    /// test sets <c>BaseURL</c>, another locale, a device scale). Dispose the session at the end of the test.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(
        Action<BrowserNewContextOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        RequiredService.Ensure(Available, $"Chromium at {ExecutablePath} driven by Playwright ({Problem})");
        cancellationToken.ThrowIfCancellationRequested();
        var options = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "zh-CN",
        };
        configure?.Invoke(options);
        // requests of a service worker would bypass the context's routes, and so the network guard
        options.ServiceWorkers = ServiceWorkerPolicy.Block;
        var context = await _browser!.NewContextAsync(options).ConfigureAwait(false);
        return await BrowserSession.CreateAsync(context, cancellationToken).ConfigureAwait(false);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync().ConfigureAwait(false);
        _playwright?.Dispose();
        GC.SuppressFinalize(this);
    }
}
