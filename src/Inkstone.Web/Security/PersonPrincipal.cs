using System.Security.Claims;
using Inkstone.Team;

namespace Inkstone.Web.Security;

/// <summary>The claims of a signed-in person: id, display name, roles and the security stamp the session started with.</summary>
public static class PersonPrincipal
{
    public const string Scheme = "inkstone";
    public const string StampClaim = "inkstone:stamp";

    public static ClaimsPrincipal Create(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Id),
            new(ClaimTypes.Name, person.DisplayName),
            new(StampClaim, person.SecurityStamp),
        };
        claims.AddRange(person.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToName())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The person id of a signed-in user; throws when there is none (pages that call it require sign-in).</summary>
    public static string PersonId(this ClaimsPrincipal user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("no signed-in person");

    public static bool HasRole(this ClaimsPrincipal user, TeamRole role) => user?.IsInRole(role.ToName()) == true;
}
