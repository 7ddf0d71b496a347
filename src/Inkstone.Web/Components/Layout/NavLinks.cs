using System.Security.Claims;
using Inkstone.Web.Security;

namespace Inkstone.Web.Components.Layout;

/// <summary>The main navigation: a link per area the signed-in person's roles open.</summary>
public static class NavLinks
{
    public sealed record Link(string Href, string TextKey, string Policy);

    public static IReadOnlyList<Link> All { get; } =
    [
        new("/", "NavHome", TeamPolicies.Member),
        new("/work", "NavWorkbench", TeamPolicies.Annotate),
        new("/score", "NavScoring", TeamPolicies.Score),
        new("/review", "NavReview", TeamPolicies.Review),
        new("/adjudicate", "NavAdjudication", TeamPolicies.Adjudicate),
        new("/calibration", "NavCalibration", TeamPolicies.Member),
        new("/guidelines", "NavGuidelines", TeamPolicies.Member),
        new("/admin", "NavDashboard", TeamPolicies.Admin),
        new("/admin/users", "NavUsers", TeamPolicies.Admin),
    ];

    public static IEnumerable<Link> For(ClaimsPrincipal user) =>
        All.Where(l => TeamPolicies.Roles[l.Policy].Any(r => user.HasRole(r)));
}
