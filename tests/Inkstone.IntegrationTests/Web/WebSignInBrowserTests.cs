using Inkstone.IntegrationTests.Browser;
using Inkstone.Team;
using Inkstone.Testing.Web;

namespace Inkstone.IntegrationTests.Web;

/// <summary>The sign-in page, the home page and the language switch in Chromium: offline, no CSP or console error, accessible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebSignInBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebAppHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WebAppHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignIn_Home_LanguageSwitch_SoundInChromium()
    {
        await _host.AddPersonAsync("admin1", WebAppHost.PasswordFor("admin1"), TeamRole.Admin, TeamRole.Annotator, TeamRole.Reviewer);
        await using (var anonymous = await browser.NewSessionAsync(o => o.BaseURL = _host.BaseAddress.ToString(), TestContext.Current.CancellationToken))
        {
            await WebBrowser.OpenAsync(anonymous, "/");
            Assert.Contains("/signin", anonymous.Page.Url, StringComparison.Ordinal);
            await WebBrowser.AssertPageSoundAsync(anonymous, "sign-in page");
            await WebBrowser.ScreenshotAsync(anonymous, "signin");
        }

        await using var session = await WebBrowser.SignInAsync(browser, _host, "admin1");
        Assert.Equal("欢迎，admin1", await session.Page.Locator("h1").InnerTextAsync());
        await WebBrowser.AssertPageSoundAsync(session, "home page");
        await WebBrowser.ScreenshotAsync(session, "home");

        // The language select submits itself (app.js) and the page comes back in English.
        await session.Page.SelectOptionAsync("#culture-select", "en");
        await session.Page.WaitForSelectorAsync("html[lang=en]");
        Assert.Equal("Welcome, admin1", await session.Page.Locator("h1").InnerTextAsync());
        await WebBrowser.AssertPageSoundAsync(session, "home page in English");
    }
}
