using Inkstone.Team;
using Microsoft.AspNetCore.Authorization;

namespace Inkstone.Web.Security;

/// <summary>
/// Who may open what (docs/web.md, "Roles"). Every page and endpoint names one of these policies; the authorization
/// matrix test holds every route to it.
/// </summary>
public static class TeamPolicies
{
    /// <summary>Any signed-in person whose account is enabled.</summary>
    public const string Member = "member";
    public const string Admin = "admin";
    public const string Annotate = "annotate";

    /// <summary>Six-dimension scoring of annotated items: reviewers, expert reviewers and admins.</summary>
    public const string Score = "score";
    public const string Review = "review";

    /// <summary>Deciding disagreements: admins and expert reviewers.</summary>
    public const string Adjudicate = "adjudicate";
    public const string Judge = "judge";

    /// <summary>The roles each policy lets in (a person needs any one of them).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TeamRole>> Roles { get; } = new Dictionary<string, IReadOnlyList<TeamRole>>
    {
        [Member] = Enum.GetValues<TeamRole>(),
        [Admin] = [TeamRole.Admin],
        [Annotate] = [TeamRole.Annotator],
        [Score] = [TeamRole.Reviewer, TeamRole.ExpertReviewer, TeamRole.Admin],
        [Review] = [TeamRole.Reviewer, TeamRole.ExpertReviewer],
        [Adjudicate] = [TeamRole.Admin, TeamRole.ExpertReviewer],
        [Judge] = [TeamRole.Judge],
    };

    public static void AddTo(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, roles) in Roles)
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToName())));
        options.FallbackPolicy = null;
    }
}
