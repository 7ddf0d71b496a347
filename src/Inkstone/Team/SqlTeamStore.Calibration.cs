using System.Globalization;
using Inkstone.Storage;

namespace Inkstone.Team;

public sealed partial class SqlTeamStore
{
    public Task<Guideline> PublishGuidelineAsync(string kind, string markdown, string actor, CancellationToken cancellationToken = default)
    {
        if (!Guideline.Kinds.Contains(kind)) throw new ArgumentException($"guideline kind '{kind}' is not one of {string.Join(", ", Guideline.Kinds)}", nameof(kind));
        return _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            using var next = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) + 1 FROM team_guidelines WHERE kind = @kind", ("@kind", kind));
            var version = Convert.ToInt32(await next.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, transaction, "INSERT INTO team_guidelines (kind, version, markdown, published_by, published_at) VALUES (@kind, @version, @markdown, @actor, @now)", ct,
                ("@kind", kind), ("@version", version), ("@markdown", markdown), ("@actor", actor), ("@now", now)).ConfigureAwait(false);
            await EventAsync(connection, transaction, "guideline_published", $"{kind} v{version}", actor, null, now, ct).ConfigureAwait(false);
            return new Guideline(kind, version, markdown, actor, StoreTime.Parse(now));
        }, cancellationToken);
    }

    public async Task<Guideline?> GetGuidelineAsync(string kind, int? version = null, CancellationToken cancellationToken = default)
    {
        var sql = version is null
            ? "SELECT kind, version, markdown, published_by, published_at FROM team_guidelines WHERE kind = @kind ORDER BY version DESC LIMIT 1"
            : "SELECT kind, version, markdown, published_by, published_at FROM team_guidelines WHERE kind = @kind AND version = @version";
        var found = version is null
            ? await ReadGuidelinesAsync(sql, cancellationToken, ("@kind", kind)).ConfigureAwait(false)
            : await ReadGuidelinesAsync(sql, cancellationToken, ("@kind", kind), ("@version", version)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<Guideline>> ListGuidelinesAsync(string kind, CancellationToken cancellationToken = default) =>
        ReadGuidelinesAsync("SELECT kind, version, markdown, published_by, published_at FROM team_guidelines WHERE kind = @kind ORDER BY version DESC", cancellationToken, ("@kind", kind));

    private async Task<IReadOnlyList<Guideline>> ReadGuidelinesAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, sql, parameters);
        var list = new List<Guideline>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add(new Guideline(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2), reader.GetString(3), StoreTime.Parse(reader.GetString(4))));
        return list;
    }

    public Task SetGoldAsync(GoldItem gold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gold);
        return _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            await ExecuteAsync(connection, transaction, """
                INSERT INTO team_gold (item_id, decision, scores, note, created_by, created_at) VALUES (@item, @decision, @scores, @note, @actor, @now)
                ON CONFLICT (item_id) DO UPDATE SET decision = @decision, scores = @scores, note = @note, created_by = @actor, created_at = @now
                """, ct, ("@item", gold.ItemId), ("@decision", gold.Decision), ("@scores", gold.ScoresJson), ("@note", gold.Note), ("@actor", gold.CreatedBy), ("@now", now)).ConfigureAwait(false);
            await EventAsync(connection, transaction, "gold_set", gold.ItemId, gold.CreatedBy, gold.Decision, now, ct).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    public Task<bool> RemoveGoldAsync(string itemId, string actor, CancellationToken cancellationToken = default) =>
        _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            if (await ExecuteAsync(connection, transaction, "DELETE FROM team_gold WHERE item_id = @item", ct, ("@item", itemId)).ConfigureAwait(false) == 0) return false;
            await EventAsync(connection, transaction, "gold_removed", itemId, actor, null, now, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<GoldItem>> ListGoldAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT item_id, decision, scores, note, created_by, created_at FROM team_gold ORDER BY item_id");
        var list = new List<GoldItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add(new GoldItem(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4), StoreTime.Parse(reader.GetString(5))));
        return list;
    }

    public Task<bool> RecordCalibrationAsync(CalibrationAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = StoreTime.FormatUtc(answer.SubmittedAt);
            var added = await ExecuteAsync(connection, transaction, """
                INSERT INTO team_calibration (person_id, item_id, decision, scores, submitted_at) VALUES (@person, @item, @decision, @scores, @now)
                ON CONFLICT (person_id, item_id) DO NOTHING
                """, ct, ("@person", answer.PersonId), ("@item", answer.ItemId), ("@decision", answer.Decision), ("@scores", answer.ScoresJson), ("@now", now)).ConfigureAwait(false);
            if (added == 1) await AuditNoteAsync(connection, transaction, answer.ItemId, answer.PersonId, "calibration", answer.Decision, now, ct).ConfigureAwait(false);
            return added == 1;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<CalibrationAnswer>> ListCalibrationAsync(string? personId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        const string Columns = "SELECT person_id, item_id, decision, scores, submitted_at FROM team_calibration";
        using var command = personId is null
            ? Command(connection, null, Columns + " ORDER BY person_id, item_id")
            : Command(connection, null, Columns + " WHERE person_id = @person ORDER BY item_id", ("@person", personId));
        var list = new List<CalibrationAnswer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add(new CalibrationAnswer(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), StoreTime.Parse(reader.GetString(4))));
        return list;
    }

    private static string? NullableString(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
