using System.Globalization;
using System.Threading.RateLimiting;
using Inkstone.Curation;
using Inkstone.Storage;
using Inkstone.Team;
using Inkstone.Web.Components;
using Inkstone.Web.Hosting;
using Inkstone.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inkstone.Web;

/// <summary>
/// Builds the web app on an open workspace (docs/web.md): cookie sign-in, role policies on every page and endpoint,
/// antiforgery on every form and JSON post, sign-in rate limiting, security headers, Chinese and English.
/// </summary>
public static class InkstoneWebApp
{
    public const string SignInRateLimit = "signin";

    public static async Task<WebApplication> CreateAsync(WebAppOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var workspace = await Workspace.OpenAsync(options.WorkspaceDirectory, cancellationToken).ConfigureAwait(false);
        try
        {
            return Build(options, workspace);
        }
        catch
        {
            await workspace.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static WebApplication Build(WebAppOptions options, Workspace workspace)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(InkstoneWebApp).Assembly.GetName().Name,
            ContentRootPath = workspace.Directory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((category, level) => options.Verbose ? level >= LogLevel.Information : level >= LogLevel.Warning);
        // Keys live in the workspace folder (.web-keys), protected by its file permissions, as docs/web.md says.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(_ => workspace); // created by a factory, so the container disposes it on shutdown
        services.AddSingleton(workspace.Config);
        services.AddSingleton<ICurationStore>(_ => workspace.Items);
        services.AddSingleton<ITeamStore>(_ => workspace.Team);
        services.AddSingleton<AccountService>();
        services.AddSingleton<SignInThrottle>();
        WebFeatures.AddServices(services);

        services.AddRazorComponents();
        // Chinese text as characters, not numeric references: pages stay readable and half the size.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(workspace.Directory, ".web-keys")))
            .SetApplicationName("inkstone");
        services.AddAntiforgery(o =>
        {
            o.HeaderName = ApiAntiforgeryFilter.HeaderName;
            o.Cookie.Name = "inkstone.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(PersonPrincipal.Scheme).AddCookie(PersonPrincipal.Scheme, o =>
        {
            o.Cookie.Name = "inkstone.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/denied";
            o.ReturnUrlParameter = "return";
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ValidateSessionAsync,
                OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorization(TeamPolicies.AddTo);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && (context.Request.Path.StartsWithSegments("/signin") || context.Request.Path.StartsWithSegments("/invite"))
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
        });

        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context.Response);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseRequestLocalization(o =>
        {
            var cultures = SessionEndpoints.Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(SessionEndpoints.Cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapAssets();
        app.MapSessionEndpoints();
        var api = app.MapGroup("/api").RequireAuthorization(TeamPolicies.Member).AddEndpointFilter<ApiAntiforgeryFilter>();
        WebFeatures.MapEndpoints(app, api);
        app.MapRazorComponents<App>();
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("404 — not found / 页面不存在");
        }).AllowAnonymous();
        return app;
    }

    // A session ends when the account is disabled or its security stamp changed (password, roles) since sign-in.
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var stamp = context.Principal?.FindFirst(PersonPrincipal.StampClaim)?.Value;
        var team = context.HttpContext.RequestServices.GetRequiredService<ITeamStore>();
        var person = id is null ? null : await team.GetPersonAsync(id, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (person is null || person.Disabled || person.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PersonPrincipal.Scheme).ConfigureAwait(false);
        }
    }

    // Pages redirect to sign-in or the denied page; JSON endpoints answer with the status code alone.
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
