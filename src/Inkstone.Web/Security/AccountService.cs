using Inkstone.Team;
using Microsoft.AspNetCore.Identity;

namespace Inkstone.Web.Security;

/// <summary>
/// Accounts: people are added by an admin (web or CLI) without a password and set their own through a one-time
/// invitation link; passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2).
/// </summary>
public sealed class AccountService(ITeamStore team, WebAppOptions options, TimeProvider time)
{
    private readonly PasswordHasher<Person> _hasher = new();

    public async Task<Person> AddPersonAsync(string id, string? displayName, IReadOnlySet<TeamRole> roles, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var normalized = PersonIds.Normalize(id);
        if (roles.Count == 0) throw new FormatException($"'{normalized}' needs at least one role ({string.Join(", ", TeamRoles.Names)})");
        var person = new Person
        {
            Id = normalized, DisplayName = string.IsNullOrWhiteSpace(displayName) ? normalized : displayName.Trim(), Roles = roles,
            SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = time.GetUtcNow(),
        };
        if (!await team.AddPersonAsync(person, actor, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"a person '{normalized}' exists already");
        return person;
    }

    /// <summary>A new one-time invitation for the person; returns the token (shown once, stored only as a hash).</summary>
    public async Task<string> InviteAsync(string personId, string actor, CancellationToken cancellationToken = default)
    {
        var person = await team.GetPersonAsync(personId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"no person '{personId}' in this workspace");
        if (person.Disabled) throw new InvalidOperationException($"'{personId}' is disabled; enable the account before inviting");
        var token = InvitationTokens.NewToken();
        await team.CreateInvitationAsync(person.Id, InvitationTokens.Hash(token), time.GetUtcNow() + options.InvitationLifetime, actor, cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>Why a password is not acceptable, or null.</summary>
    public string? CheckPassword(string? password) =>
        password is null || password.Length < options.MinimumPasswordLength ? $"at least {options.MinimumPasswordLength} characters" : null;

    public async Task<(InvitationStatus Status, string? PersonId)> AcceptInvitationAsync(string token, string password, CancellationToken cancellationToken = default)
    {
        if (CheckPassword(password) is { } problem) throw new FormatException(problem);
        var hash = _hasher.HashPassword(null!, password);
        return await team.RedeemInvitationAsync(InvitationTokens.Hash(token), hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets a password directly (CLI <c>--password-stdin</c>, for scripted set-ups).</summary>
    public async Task SetPasswordAsync(string personId, string password, string actor, CancellationToken cancellationToken = default)
    {
        if (CheckPassword(password) is { } problem) throw new FormatException(problem);
        if (!await team.SetPasswordHashAsync(personId, _hasher.HashPassword(null!, password), actor, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"no person '{personId}' in this workspace");
    }

    /// <summary>The person when the name and password match an enabled account; null otherwise (the same answer for every failure).</summary>
    public async Task<Person?> VerifyAsync(string id, string password, CancellationToken cancellationToken = default)
    {
        if (!PersonIds.IsValid(id?.Trim().ToLowerInvariant())) return null;
        var person = await team.GetPersonAsync(id!.Trim().ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        if (person is null || person.Disabled || person.PasswordHash is null) return null;
        var result = _hasher.VerifyHashedPassword(person, person.PasswordHash, password ?? "");
        if (result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await team.SetPasswordHashAsync(person.Id, _hasher.HashPassword(person, password!), person.Id, cancellationToken).ConfigureAwait(false);
            person = await team.GetPersonAsync(person.Id, cancellationToken).ConfigureAwait(false);
        }

        return person;
    }
}
