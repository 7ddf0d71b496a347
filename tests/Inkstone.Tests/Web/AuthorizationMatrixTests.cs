using System.Net;
using Inkstone.Curation;
using Inkstone.Storage;
using Inkstone.Team;
using Inkstone.Testing.Web;
using Inkstone.Web;
using Inkstone.Web.Security;

namespace Inkstone.Tests.Web;

/// <summary>
/// Every route of <see cref="WebRoutes.All"/> requested signed out and as a person of each single role: let in exactly
/// when its policy admits one of the person's roles (docs/web.md, "Roles"). Refusal is a redirect to the sign-in page
/// (signed out) or the denied page (wrong role) for pages, and 401/403 for JSON endpoints; nothing else is.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Site site) : IClassFixture<AuthorizationMatrixTests.Site>
{
    public const string SignedOut = "signed-out";

    public sealed class Site : IAsyncLifetime
    {
        public WebAppHost Host { get; private set; } = null!;
        public Dictionary<string, TeamClient> Clients { get; } = new(StringComparer.Ordinal);

        public async ValueTask InitializeAsync()
        {
            Host = await WebAppHost.StartAsync();
            await Host.Workspace.Items.InsertItemsAsync([new NewCurationItem
            {
                Id = "matrix-item", Text = "矩阵测试的文章。", TextHash = "matrix", CharCount = 8, Source = new SourceLocation("m.jsonl", "line 1"), State = CurationState.Ready,
            }], Actor.System("test"));
            Clients[SignedOut] = new TeamClient(Host.BaseAddress);
            foreach (var role in Enum.GetValues<TeamRole>())
                Clients[role.ToName()] = await Host.SignInNewAsync("m-" + role.ToName().Replace('_', '-'), role);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in Clients.Values) client.Dispose();
            await Host.DisposeAsync();
        }
    }

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var route in WebRoutes.All)
                foreach (var who in new[] { SignedOut }.Concat(Enum.GetValues<TeamRole>().Select(r => r.ToName())))
                    data.Add(route.Method, route.Path, who);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_AsEachRole_AllowedExactlyByItsPolicy(string method, string path, string who)
    {
        var route = WebRoutes.All.Single(r => r.Method == method && r.Path == path);
        // Signing out ends the session: that case gets a session of its own, so the shared ones stay signed in.
        using var own = path == "/signout" && who != SignedOut ? await site.Host.SignInNewAsync("m-out-" + who.Replace('_', '-'), Enum.Parse<TeamRole>(who.Replace("_", ""), ignoreCase: true)) : null;
        var client = own ?? site.Clients[who];
        var concrete = path.Replace("{item}", "matrix-item", StringComparison.Ordinal).Replace("{token}", "not-a-token", StringComparison.Ordinal);
        var isApi = concrete.StartsWith("/api/", StringComparison.Ordinal);
        PageResult result;
        if (method == "GET") result = await client.GetAsync(concrete);
        else
        {
            // A form of any page carries a valid token for this session; refusal must come before the form is read.
            await client.GetAsync("/signin");
            result = isApi ? await client.PostJsonAsync(concrete, new { }) : await client.PostFormAsync(concrete, null);
        }

        var allowed = route.Policy is null
            || (who != SignedOut && TeamRoles.TryParse(who, out var role) && TeamPolicies.Roles[route.Policy].Contains(role));
        var refusedSignedOut = isApi ? result.Status == HttpStatusCode.Unauthorized : result.RedirectsTo("/signin?return=");
        var refusedRole = isApi ? result.Status == HttpStatusCode.Forbidden : result.RedirectsTo("/denied");
        if (path == "/denied")
        {
            // The refusal page itself: anyone may see it, and it answers 403.
            Assert.Equal(HttpStatusCode.Forbidden, result.Status);
            return;
        }

        if (allowed)
        {
            Assert.False(refusedSignedOut || refusedRole || result.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
                $"{method} {concrete} as {who}: refused ({(int)result.Status} {result.Location}) but its policy '{route.Policy}' lets {who} in");
        }
        else
        {
            Assert.True(who == SignedOut ? refusedSignedOut : refusedRole,
                $"{method} {concrete} as {who}: expected refusal, got {(int)result.Status} {result.Location}");
            Assert.DoesNotContain("矩阵测试的文章", result.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryComponentPage_IsInTheRouteTable_WithItsPolicy()
    {
        var pages = typeof(WebRoutes).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false).Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
                .Select(r => (Type: t, Template: r.Template)));
        foreach (var (type, template) in pages)
        {
            var normalized = System.Text.RegularExpressions.Regex.Replace(template, "\\{([a-zA-Z]+)(:[^}]*)?\\}", m => "{" + m.Groups[1].Value.ToLowerInvariant() + "}");
            if (normalized == "/error") continue; // re-executed by the exception handler only
            var route = WebRoutes.All.FirstOrDefault(r => r.Method == "GET" && r.Path == normalized);
            Assert.True(route is not null, $"page {type.Name} at {template} is missing from WebRoutes.All");
            var policy = type.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), true)
                .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Select(a => a.Policy).FirstOrDefault();
            Assert.True(route.Policy == policy, $"page {type.Name}: [Authorize(Policy = {policy})] but WebRoutes says {route.Policy}");
        }
    }
}
