using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Inkstone.Web.Security;

namespace Inkstone.Web.Hosting;

/// <summary>Form endpoints of the layout: sign out, and the language switch (a cookie read by request localization).</summary>
public static class SessionEndpoints
{
    public static readonly string[] Cultures = ["zh-Hans", "en"];

    public static void MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Form-bound minimal APIs validate the antiforgery token (UseAntiforgery): a cross-site post is refused.
        endpoints.MapPost("/signout", async (HttpContext context, [FromForm(Name = "__RequestVerificationToken")] string? token) =>
        {
            await context.SignOutAsync(PersonPrincipal.Scheme);
            return Results.Redirect("/signin");
        }).RequireAuthorization(TeamPolicies.Member);

        endpoints.MapPost("/culture", (HttpContext context, [FromForm(Name = "culture")] string? culture, [FromForm(Name = "return")] string? returnPath) =>
        {
            var chosen = Cultures.Contains(culture) ? culture! : Cultures[0];
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.Redirect(LocalReturn.Safe(returnPath));
        }).AllowAnonymous();
    }
}
