using System.Data.Common;
using System.Globalization;
using Inkstone.Storage;

namespace Inkstone.Team;

/// <summary>
/// <see cref="ITeamStore"/> in the SQL both dialects share. The annotation queue reads and claims rows of the curation
/// tables directly (the same claim columns the pipeline uses), so people and pipeline runs never hold one item at once.
/// </summary>
public sealed partial class SqlTeamStore(IWorkspaceStore store, TimeProvider? timeProvider = null) : ITeamStore
{
    private const string PersonColumns = "id, display_name, roles, password_hash, disabled, security_stamp, created_at";
    private readonly IWorkspaceStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    private DateTimeOffset UtcNow => _time.GetUtcNow();

    private string Now() => StoreTime.FormatUtc(UtcNow);

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    public Task<bool> AddPersonAsync(Person person, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        return _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            var added = await ExecuteAsync(connection, transaction, $"""
                INSERT INTO team_people ({PersonColumns}, updated_at) VALUES (@id, @name, @roles, @hash, @disabled, @stamp, @now, @now)
                ON CONFLICT (id) DO NOTHING
                """, ct, ("@id", person.Id), ("@name", person.DisplayName), ("@roles", TeamRoles.Format(person.Roles)), ("@hash", person.PasswordHash),
                ("@disabled", person.Disabled ? 1 : 0), ("@stamp", person.SecurityStamp), ("@now", now)).ConfigureAwait(false);
            if (added == 0) return false;
            await EventAsync(connection, transaction, "person_added", person.Id, actor, $"roles: {TeamRoles.Format(person.Roles)}", now, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<Person?> GetPersonAsync(string id, CancellationToken cancellationToken = default)
    {
        var people = await ReadPeopleAsync($"SELECT {PersonColumns} FROM team_people WHERE id = @id", cancellationToken, ("@id", id)).ConfigureAwait(false);
        return people.Count == 0 ? null : people[0];
    }

    public Task<IReadOnlyList<Person>> ListPeopleAsync(CancellationToken cancellationToken = default) =>
        ReadPeopleAsync($"SELECT {PersonColumns} FROM team_people ORDER BY id", cancellationToken);

    public Task<bool> SetDisabledAsync(string id, bool disabled, string actor, CancellationToken cancellationToken = default) =>
        UpdatePersonAsync(id, "disabled = @value, security_stamp = @stamp", disabled ? 1 : 0, disabled ? "person_disabled" : "person_enabled", null, actor, cancellationToken);

    public Task<bool> SetRolesAsync(string id, IReadOnlySet<TeamRole> roles, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var text = TeamRoles.Format(roles);
        return UpdatePersonAsync(id, "roles = @value, security_stamp = @stamp", text, "roles_changed", $"roles: {text}", actor, cancellationToken);
    }

    public Task<bool> SetPasswordHashAsync(string id, string passwordHash, string actor, CancellationToken cancellationToken = default) =>
        UpdatePersonAsync(id, "password_hash = @value, security_stamp = @stamp", passwordHash, "password_set", null, actor, cancellationToken);

    private Task<bool> UpdatePersonAsync(string id, string assignments, object value, string action, string? detail, string actor, CancellationToken cancellationToken) =>
        _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            var changed = await ExecuteAsync(connection, transaction, $"UPDATE team_people SET {assignments}, updated_at = @now WHERE id = @id", ct,
                ("@id", id), ("@value", value), ("@stamp", NewStamp()), ("@now", now)).ConfigureAwait(false);
            if (changed == 0) return false;
            await EventAsync(connection, transaction, action, id, actor, detail, now, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task CreateInvitationAsync(string personId, string tokenHash, DateTimeOffset expiresAt, string actor, CancellationToken cancellationToken = default) =>
        _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            await ExecuteAsync(connection, transaction, """
                INSERT INTO team_invitations (token_hash, person_id, created_by, created_at, expires_at) VALUES (@hash, @person, @actor, @now, @expires)
                """, ct, ("@hash", tokenHash), ("@person", personId), ("@actor", actor), ("@now", now), ("@expires", StoreTime.FormatUtc(expiresAt))).ConfigureAwait(false);
            await EventAsync(connection, transaction, "invited", personId, actor, $"expires {StoreTime.FormatUtc(expiresAt)}", now, ct).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public async Task<(InvitationStatus Status, string? PersonId)> CheckInvitationAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await InvitationStatusAsync(connection, null, tokenHash, cancellationToken).ConfigureAwait(false);
    }

    public Task<(InvitationStatus Status, string? PersonId)> RedeemInvitationAsync(string tokenHash, string passwordHash, CancellationToken cancellationToken = default) =>
        _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var (status, personId) = await InvitationStatusAsync(connection, transaction, tokenHash, ct).ConfigureAwait(false);
            if (status != InvitationStatus.Valid) return (status, personId);
            var now = Now();
            // The guard in the WHERE clause makes the use atomic: of two concurrent redemptions only one updates the row.
            var used = await ExecuteAsync(connection, transaction, "UPDATE team_invitations SET used_at = @now WHERE token_hash = @hash AND used_at IS NULL", ct,
                ("@now", now), ("@hash", tokenHash)).ConfigureAwait(false);
            if (used == 0) return (InvitationStatus.Used, personId);
            await ExecuteAsync(connection, transaction, "UPDATE team_people SET password_hash = @hash, security_stamp = @stamp, updated_at = @now WHERE id = @id", ct,
                ("@hash", passwordHash), ("@stamp", NewStamp()), ("@now", now), ("@id", personId)).ConfigureAwait(false);
            await EventAsync(connection, transaction, "invitation_accepted", personId!, personId!, null, now, ct).ConfigureAwait(false);
            return (InvitationStatus.Valid, personId);
        }, cancellationToken);

    private async Task<(InvitationStatus, string?)> InvitationStatusAsync(DbConnection connection, DbTransaction? transaction, string tokenHash, CancellationToken ct)
    {
        using var command = Command(connection, transaction, """
            SELECT i.person_id, i.expires_at, i.used_at, p.disabled FROM team_invitations i JOIN team_people p ON p.id = i.person_id WHERE i.token_hash = @hash
            """, ("@hash", tokenHash));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false)) return (InvitationStatus.Unknown, null);
        var person = reader.GetString(0);
        if (!reader.IsDBNull(2)) return (InvitationStatus.Used, person);
        if (StoreTime.Parse(reader.GetString(1)) <= UtcNow) return (InvitationStatus.Expired, person);
        if (Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) != 0) return (InvitationStatus.AccountDisabled, person);
        return (InvitationStatus.Valid, person);
    }

    public async Task<IReadOnlyList<TeamEvent>> ListEventsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT seq, action, subject, actor, detail, at FROM team_events ORDER BY seq DESC LIMIT @limit", ("@limit", limit));
        var events = new List<TeamEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            events.Add(new TeamEvent(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), StoreTime.Parse(reader.GetString(5))));
        return events;
    }

    private async Task<IReadOnlyList<Person>> ReadPeopleAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, sql, parameters);
        var people = new List<Person>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            people.Add(new Person
            {
                Id = reader.GetString(0), DisplayName = reader.GetString(1), Roles = TeamRoles.ParseList(reader.GetString(2)),
                PasswordHash = reader.IsDBNull(3) ? null : reader.GetString(3), Disabled = Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture) != 0,
                SecurityStamp = reader.GetString(5), CreatedAt = StoreTime.Parse(reader.GetString(6)),
            });
        }

        return people;
    }

    private static Task<int> EventAsync(DbConnection connection, DbTransaction transaction, string action, string subject, string actor, string? detail, string now, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, "INSERT INTO team_events (action, subject, actor, detail, at) VALUES (@action, @subject, @actor, @detail, @now)", ct,
            ("@action", action), ("@subject", subject), ("@actor", actor), ("@detail", detail), ("@now", now));

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) WorkspaceStore.AddParameter(command, name, value);
        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
