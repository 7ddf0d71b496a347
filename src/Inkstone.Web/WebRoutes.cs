using Inkstone.Web.Security;

namespace Inkstone.Web;

/// <summary>
/// Every page and endpoint of the app with the policy that guards it (null: open to anyone, signed in or not).
/// docs/web.md's role table is written from this list, and the authorization-matrix test requests every entry as
/// every role and signed out. <c>{item}</c> stands for an item id, <c>{token}</c> for an invitation token.
/// </summary>
public static class WebRoutes
{
    public sealed record Route(string Method, string Path, string? Policy, string Description);

    public static IReadOnlyList<Route> All { get; } =
    [
        new("GET", "/signin", null, "sign-in page"),
        new("POST", "/signin", null, "sign in"),
        new("GET", "/invite/{token}", null, "accept an invitation: set a password"),
        new("POST", "/signout", TeamPolicies.Member, "sign out"),
        new("POST", "/culture", null, "switch the language"),
        new("GET", "/denied", null, "access denied page"),
        new("GET", "/", TeamPolicies.Member, "home: the areas of the person's roles"),
    ];
}
