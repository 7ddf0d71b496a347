namespace Inkstone.Team;

/// <summary>Claims taken in the web app carry the person as owner (<c>person:ID</c>), so <c>inkstone status</c> shows who holds what.</summary>
public static class PersonClaims
{
    public const string Prefix = "person:";

    public static string Owner(string personId) => Prefix + personId;
}
