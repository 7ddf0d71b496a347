using System.Net;
using Inkstone.Team;
using Inkstone.Testing.Web;
using Inkstone.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Inkstone.Tests.Web;

/// <summary>Sign-in, sessions, invitations, antiforgery, headers and languages of the web app, over real HTTP.</summary>
public sealed class WebSessionTests : IAsyncLifetime
{
    private WebAppHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WebAppHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignedOut_Home_RedirectsToSignInWithReturn()
    {
        using var client = new TeamClient(_host.BaseAddress);
        var home = await client.GetAsync("/");
        Assert.True(home.RedirectsTo("/signin?return=%2F"), home.Location);
    }

    [Fact]
    public async Task SignIn_RightPassword_SessionShowsName_WrongPassword_401()
    {
        await _host.AddPersonAsync("ann1", "correct-horse-1", TeamRole.Annotator);
        using var client = new TeamClient(_host.BaseAddress);
        await client.GetAsync("/signin");
        var wrong = await client.PostFormAsync("/signin", "signin", ("Input.Name", "ann1"), ("Input.Password", "wrong-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Contains("用户名或密码不正确", wrong.Body, StringComparison.Ordinal);
        Assert.True((await client.GetAsync("/")).RedirectsTo("/signin"));

        await client.SignInAsync("ANN1", "correct-horse-1");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("欢迎，ann1", home.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"/work\"", home.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", home.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_RefusedEvenWithRightPassword()
    {
        await _host.AddPersonAsync("rev1", "correct-horse-2", TeamRole.Reviewer);
        using var client = new TeamClient(_host.BaseAddress);
        await client.GetAsync("/signin");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostFormAsync("/signin", "signin", ("Input.Name", "rev1"), ("Input.Password", "guess" + i))).Status);
        var blocked = await client.PostFormAsync("/signin", "signin", ("Input.Name", "rev1"), ("Input.Password", "correct-horse-2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.Status);
        Assert.NotNull(blocked.Headers.RetryAfter);
        // Another account from the same address is not locked by rev1's failures.
        await _host.AddPersonAsync("rev2", "correct-horse-3", TeamRole.Reviewer);
        await client.SignInAsync("rev2", "correct-horse-3");
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_Refused()
    {
        await _host.AddPersonAsync("ann2", "correct-horse-4", TeamRole.Annotator);
        using var client = new TeamClient(_host.BaseAddress);
        await client.GetAsync("/signin");
        var result = await client.PostFormAsync("/signin", "signin", [new("Input.Name", "ann2"), new("Input.Password", "correct-horse-4")], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.True((await client.GetAsync("/")).RedirectsTo("/signin"));

        await client.SignInAsync("ann2", "correct-horse-4");
        await client.GetAsync("/");
        var signOut = await client.PostFormAsync("/signout", null, [new("x", "1")], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);
        Assert.True((await client.PostFormAsync("/signout", null)).RedirectsTo("/signin"));
        Assert.True((await client.GetAsync("/")).RedirectsTo("/signin"));
    }

    [Fact]
    public async Task Invitation_SetsPasswordOnce_SecondUseGone()
    {
        var accounts = _host.Services.GetRequiredService<AccountService>();
        await accounts.AddPersonAsync("new1", "新人", new SortedSet<TeamRole> { TeamRole.Annotator }, "admin", TestContext.Current.CancellationToken);
        var token = await accounts.InviteAsync("new1", "admin", TestContext.Current.CancellationToken);
        using var client = new TeamClient(_host.BaseAddress);
        var page = await client.GetAsync("/invite/" + token);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("new1", page.Body, StringComparison.Ordinal);
        var tooShort = await client.PostFormAsync("/invite/" + token, "accept", ("Input.Password", "short"), ("Input.Confirm", "short"));
        Assert.Contains("密码太短", tooShort.Body, StringComparison.Ordinal);
        var accepted = await client.PostFormAsync("/invite/" + token, "accept", ("Input.Password", "a-long-password"), ("Input.Confirm", "a-long-password"));
        Assert.True(accepted.RedirectsTo("/"), accepted.Location);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);

        using var other = new TeamClient(_host.BaseAddress);
        var again = await other.GetAsync("/invite/" + token);
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Contains("只能用一次", again.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await other.GetAsync("/invite/not-a-token")).Status);
        await other.SignInAsync("new1", "a-long-password");
    }

    [Fact]
    public async Task DisabledAccount_SessionEndsAtOnce()
    {
        using var client = await _host.SignInNewAsync("ann3", TeamRole.Annotator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);
        await _host.Workspace.Team.SetDisabledAsync("ann3", true, "admin", TestContext.Current.CancellationToken);
        Assert.True((await client.GetAsync("/")).RedirectsTo("/signin"));
        using var again = new TeamClient(_host.BaseAddress);
        await Assert.ThrowsAsync<InvalidOperationException>(() => again.SignInAsync("ann3", WebAppHost.PasswordFor("ann3")));
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        using var client = new TeamClient(_host.BaseAddress);
        foreach (var path in new[] { "/signin", "/", "/assets/app.css", "/no-such-page" })
        {
            var result = await client.GetAsync(path);
            var csp = string.Join(" ", result.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", string.Join("", result.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", string.Join("", result.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task SignIn_ReturnToAnotherSite_GoesHomeInstead()
    {
        await _host.AddPersonAsync("ann4", "correct-horse-5", TeamRole.Annotator);
        using var client = new TeamClient(_host.BaseAddress);
        await client.GetAsync("/signin?return=//evil.example/x");
        var result = await client.PostFormAsync("/signin", "signin", ("Input.Name", "ann4"), ("Input.Password", "correct-horse-5"), ("Input.Return", "//evil.example/x"));
        Assert.True(result.RedirectsTo("/") && !result.Location!.Contains("evil", StringComparison.Ordinal), result.Location);
    }

    [Fact]
    public async Task Language_ChineseByDefault_EnglishByHeaderOrSwitch()
    {
        using var client = new TeamClient(_host.BaseAddress);
        var chinese = await client.GetAsync("/signin");
        Assert.Contains("<html lang=\"zh-Hans\">", chinese.Body, StringComparison.Ordinal);
        Assert.Contains("登录", chinese.Body, StringComparison.Ordinal);
        var switched = await client.PostFormAsync("/culture", null, ("culture", "en"), ("return", "/signin"));
        Assert.True(switched.RedirectsTo("/signin"));
        var english = await client.GetAsync("/signin");
        Assert.Contains("<html lang=\"en\">", english.Body, StringComparison.Ordinal);
        Assert.Contains("Sign in", english.Body, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");
        Assert.Contains("User name", await http.GetStringAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
