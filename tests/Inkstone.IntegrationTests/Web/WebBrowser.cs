using Inkstone.IntegrationTests.Browser;
using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Testing.Web;
using Microsoft.Playwright;

namespace Inkstone.IntegrationTests.Web;

/// <summary>
/// What the web app's browser tests share: a person's own browser context signed in through the real sign-in form,
/// the checks every page gets (no request leaves the machine, no console or CSP error, no serious axe violation), and
/// screenshots — kept under artifacts/screenshots, and copied to docs/web/ when INKSTONE_UPDATE_DOCS=1.
/// </summary>
public static class WebBrowser
{
    public static async Task<BrowserSession> SignInAsync(BrowserFixture browser, WebAppHost host, string personId, string? locale = null)
    {
        var session = await browser.NewSessionAsync(o =>
        {
            o.BaseURL = host.BaseAddress.ToString();
            if (locale is not null) o.Locale = locale;
        }, TestContext.Current.CancellationToken);
        await session.Page.GotoAsync("/signin");
        await session.Page.GetByLabel(new System.Text.RegularExpressions.Regex("用户名|User name")).FillAsync(personId);
        await session.Page.GetByLabel(new System.Text.RegularExpressions.Regex("^(密码|Password)$")).FillAsync(WebAppHost.PasswordFor(personId));
        await session.Page.Locator("main button[type=submit]").ClickAsync();
        await session.Page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return session;
    }

    /// <summary>The checks every page must pass: offline, no console or CSP errors, no serious or critical axe violation.</summary>
    public static async Task AssertPageSoundAsync(BrowserSession session, string what)
    {
        Assert.True(session.BlockedRequests.Count == 0, $"{what}: requests left the machine: {string.Join(", ", session.BlockedRequests.Select(b => b.Url))}");
        Assert.True(session.ConsoleErrors.Count == 0, $"{what}: console errors: {string.Join(" | ", session.ConsoleErrors)}");
        var violations = await session.SeriousAccessibilityViolationsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(violations.Count == 0, $"{what}: axe: {string.Join("; ", violations.Select(v => v.ToString()))}");
    }

    public static async Task ScreenshotAsync(BrowserSession session, string name)
    {
        var root = RequiredService.RepositoryRoot();
        var path = Path.Combine(root, "artifacts", "screenshots", name + ".png");
        await session.ScreenshotAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        if (Environment.GetEnvironmentVariable("INKSTONE_UPDATE_DOCS") == "1")
        {
            var docs = Path.Combine(root, "docs", "web", name + ".png");
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(path, docs, overwrite: true);
        }
    }

    /// <summary>Opens a path and waits for the page (and its scripts) to load.</summary>
    public static async Task<IResponse?> OpenAsync(BrowserSession session, string path) =>
        await session.Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
}
