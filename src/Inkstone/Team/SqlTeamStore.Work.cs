using System.Globalization;
using Inkstone.Curation;
using Inkstone.Storage;

namespace Inkstone.Team;

public sealed partial class SqlTeamStore
{
    private static readonly string s_annotatable = string.Join(", ", new[] { CurationState.Ready, CurationState.Drafted, CurationState.Revise }.Select(s => $"'{s.ToStorage()}'"));

    public async Task<WorkDraft?> GetDraftAsync(string itemId, string personId, string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT content, revision, updated_at FROM team_work WHERE item_id = @item AND person_id = @person AND kind = @kind",
            ("@item", itemId), ("@person", personId), ("@kind", kind));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new WorkDraft(itemId, personId, kind, reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), StoreTime.Parse(reader.GetString(2)));
    }

    public Task<DraftSaveResult> SaveDraftAsync(string itemId, string personId, string kind, string content, long expectedRevision, CancellationToken cancellationToken = default) =>
        _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            var written = expectedRevision == 0
                ? await ExecuteAsync(connection, transaction, """
                    INSERT INTO team_work (item_id, person_id, kind, content, revision, updated_at) VALUES (@item, @person, @kind, @content, 1, @now)
                    ON CONFLICT (item_id, person_id, kind) DO NOTHING
                    """, ct, ("@item", itemId), ("@person", personId), ("@kind", kind), ("@content", content), ("@now", now)).ConfigureAwait(false)
                : await ExecuteAsync(connection, transaction, """
                    UPDATE team_work SET content = @content, revision = revision + 1, updated_at = @now
                    WHERE item_id = @item AND person_id = @person AND kind = @kind AND revision = @expected
                    """, ct, ("@item", itemId), ("@person", personId), ("@kind", kind), ("@content", content), ("@now", now), ("@expected", expectedRevision)).ConfigureAwait(false);
            if (written == 1) return new DraftSaveResult(true, expectedRevision + 1, StoreTime.Parse(now));

            using var read = Command(connection, transaction, "SELECT revision, updated_at FROM team_work WHERE item_id = @item AND person_id = @person AND kind = @kind",
                ("@item", itemId), ("@person", personId), ("@kind", kind));
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? new DraftSaveResult(false, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), StoreTime.Parse(reader.GetString(1)))
                : new DraftSaveResult(false, 0);
        }, cancellationToken);

    public Task DeleteDraftAsync(string itemId, string personId, string kind, CancellationToken cancellationToken = default) =>
        _store.WriteAsync((connection, transaction, ct) => ExecuteAsync(connection, transaction,
            "DELETE FROM team_work WHERE item_id = @item AND person_id = @person AND kind = @kind", ct, ("@item", itemId), ("@person", personId), ("@kind", kind)), cancellationToken);

    public Task<string?> ClaimNextForAnnotationAsync(string personId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var owner = PersonClaims.Owner(personId);
        var lockClause = _store.Dialect == StoreDialect.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        return _store.WriteAsync<string?>(async (connection, transaction, ct) =>
        {
            var now = UtcNow;
            var (nowText, until) = (StoreTime.FormatUtc(now), StoreTime.FormatUtc(now + lease));
            using (var held = Command(connection, transaction, $"""
                SELECT id FROM curation_items WHERE claimed_by = @owner AND claimed_until >= @now AND state IN ({s_annotatable}) ORDER BY id LIMIT 1
                """, ("@owner", owner), ("@now", nowText)))
            {
                if (await held.ExecuteScalarAsync(ct).ConfigureAwait(false) is string id)
                {
                    await ExecuteAsync(connection, transaction, "UPDATE curation_items SET claimed_until = @until WHERE id = @id", ct, ("@until", until), ("@id", id)).ConfigureAwait(false);
                    return id;
                }
            }

            // Items sent back to revise go to the person who annotated them (the last person to move them to annotated);
            // gold items are kept for calibration; skipped items are not offered to the same person again.
            using var claim = Command(connection, transaction, $"""
                UPDATE curation_items SET claimed_by = @owner, claimed_until = @until
                WHERE id = (SELECT i.id FROM curation_items i
                    WHERE i.state IN ({s_annotatable}) AND (i.claimed_until IS NULL OR i.claimed_until < @now)
                      AND NOT EXISTS (SELECT 1 FROM team_skips s WHERE s.item_id = i.id AND s.person_id = @person)
                      AND NOT EXISTS (SELECT 1 FROM team_gold g WHERE g.item_id = i.id)
                      AND (i.state <> 'revise' OR (SELECT a.actor FROM curation_audit a
                           WHERE a.item_id = i.id AND a.to_state = 'annotated' AND a.actor_kind = 'person' ORDER BY a.seq DESC LIMIT 1) = @person)
                    ORDER BY CASE WHEN i.state = 'revise' THEN 0 ELSE 1 END, i.id
                    LIMIT 1{lockClause})
                RETURNING id
                """, ("@owner", owner), ("@until", until), ("@now", nowText), ("@person", personId));
            return await claim.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
        }, cancellationToken);
    }

    public Task<bool> ClaimItemAsync(string itemId, IReadOnlyCollection<CurationState> states, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        var inList = string.Join(", ", states.Select(s => $"'{s.ToStorage()}'"));
        return _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = UtcNow;
            var claimed = await ExecuteAsync(connection, transaction, $"""
                UPDATE curation_items SET claimed_by = @owner, claimed_until = @until
                WHERE id = @id AND state IN ({inList}) AND (claimed_by = @owner OR claimed_until IS NULL OR claimed_until < @now)
                """, ct, ("@owner", owner), ("@until", StoreTime.FormatUtc(now + lease)), ("@id", itemId), ("@now", StoreTime.FormatUtc(now))).ConfigureAwait(false);
            return claimed == 1;
        }, cancellationToken);
    }

    public Task<bool> RenewClaimAsync(string itemId, string owner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = UtcNow;
            // A lapsed lease that no one has taken yet is still the owner's: renewing it loses nothing for anyone.
            var renewed = await ExecuteAsync(connection, transaction, "UPDATE curation_items SET claimed_until = @until WHERE id = @id AND claimed_by = @owner", ct,
                ("@until", StoreTime.FormatUtc(now + lease)), ("@id", itemId), ("@owner", owner)).ConfigureAwait(false);
            return renewed == 1;
        }, cancellationToken);

    public Task<bool> ReleaseClaimAsync(string itemId, string owner, CancellationToken cancellationToken = default) =>
        _store.WriteAsync(async (connection, transaction, ct) => await ExecuteAsync(connection, transaction,
            "UPDATE curation_items SET claimed_by = NULL, claimed_until = NULL WHERE id = @id AND claimed_by = @owner", ct, ("@id", itemId), ("@owner", owner)).ConfigureAwait(false) == 1,
            cancellationToken);

    public Task SkipAsync(string itemId, string personId, string reason, CancellationToken cancellationToken = default) =>
        _store.WriteAsync(async (connection, transaction, ct) =>
        {
            var now = Now();
            await ExecuteAsync(connection, transaction, """
                INSERT INTO team_skips (item_id, person_id, reason, at) VALUES (@item, @person, @reason, @now)
                ON CONFLICT (item_id, person_id) DO UPDATE SET reason = @reason, at = @now
                """, ct, ("@item", itemId), ("@person", personId), ("@reason", reason), ("@now", now)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "UPDATE curation_items SET claimed_by = NULL, claimed_until = NULL WHERE id = @id AND claimed_by = @owner", ct,
                ("@id", itemId), ("@owner", PersonClaims.Owner(personId))).ConfigureAwait(false);
            await AuditNoteAsync(connection, transaction, itemId, personId, "skipped", reason, now, ct).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public Task RecordItemActionAsync(string itemId, string personId, string action, string? detail, CancellationToken cancellationToken = default) =>
        _store.WriteAsync((connection, transaction, ct) => AuditNoteAsync(connection, transaction, itemId, personId, action, detail, Now(), ct), cancellationToken);

    // An audit row whose from and to states are the item's current state: an action that changed no state.
    private static Task<int> AuditNoteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string itemId, string personId,
        string action, string? detail, string now, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, """
            INSERT INTO curation_audit (item_id, from_state, to_state, reason_code, reason, actor_kind, actor, prompt_version, run_id, at)
            SELECT id, state, state, @action, @detail, 'person', @person, NULL, NULL, @now FROM curation_items WHERE id = @id
            """, ct, ("@action", action), ("@detail", detail), ("@person", personId), ("@now", now), ("@id", itemId));
}
