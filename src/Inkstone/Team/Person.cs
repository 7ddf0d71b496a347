namespace Inkstone.Team;

/// <summary>
/// Someone who signs in to the web app. <see cref="PasswordHash"/> is null until an invitation is accepted;
/// <see cref="SecurityStamp"/> changes whenever the password or the account's standing changes, which ends every
/// session signed in before.
/// </summary>
public sealed record Person
{
    /// <summary>The sign-in name (lower case, letters, digits, '.', '-', '_'); also the actor id in the audit trail.</summary>
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required IReadOnlySet<TeamRole> Roles { get; init; }
    public string? PasswordHash { get; init; }
    public bool Disabled { get; init; }
    public required string SecurityStamp { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public bool Has(TeamRole role) => Roles.Contains(role);
}
