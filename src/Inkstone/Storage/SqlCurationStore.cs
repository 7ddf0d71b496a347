using System.Data.Common;
using System.Globalization;
using Inkstone.Curation;
using Inkstone.Curation.Dedup;
using Inkstone.Model;

namespace Inkstone.Storage;

/// <summary>
/// <see cref="ICurationStore"/> in portable SQL (the subset SQLite and PostgreSQL share: <c>ON CONFLICT</c>,
/// <c>RETURNING</c>, named parameters); the dialect differs only in the claim lock and the column types of the migration.
/// </summary>
public sealed partial class SqlCurationStore : ICurationStore
{
    private const string ItemColumns = "i.id, i.state, i.reason_code, i.reason, i.return_state, i.version, t.text, i.text_hash, i.char_count, i.source_file, i.source_record, "
        + "i.title, i.genre, i.url, i.platform, i.author, i.published_at, i.likes, i.shares, i.comments, i.needs_specialist, i.review_round, i.claimed_by, i.created_at, i.updated_at";

    // Item state and provenance with the text, which lives in its own table (schema version 3).
    private const string ItemSource = "curation_items i JOIN curation_item_texts t ON t.item_id = i.id";

    // Ids per "IN (…)" statement.
    private const int IdPage = 500;

    private readonly IWorkspaceStore _store;
    private readonly TimeProvider _time;

    private readonly long _mergeRows;

    /// <param name="store">The workspace database.</param>
    /// <param name="timeProvider">The clock of audit and claim times.</param>
    /// <param name="nearDuplicateMergeRows">Band-key rows gathered in the small near-duplicate table before it is merged into the large one.</param>
    public SqlCurationStore(IWorkspaceStore store, TimeProvider? timeProvider = null, long nearDuplicateMergeRows = DefaultMergeRows)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = timeProvider ?? TimeProvider.System;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nearDuplicateMergeRows);
        _mergeRows = nearDuplicateMergeRows;
    }

    private string Now() => StoreTime.FormatUtc(_time.GetUtcNow());

    public Task<IReadOnlyList<InsertResult>> InsertItemsAsync(IReadOnlyList<NewCurationItem> items, Actor actor, string? runId = null, INearDuplicateIndex? nearDuplicates = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(actor);
        return _store.WriteAsync<IReadOnlyList<InsertResult>>(async (connection, transaction, ct) =>
        {
            var now = Now();
            var results = new List<InsertResult>(items.Count);
            using var cache = new CommandCache(connection, transaction);
            long bandRows = 0;
            if (nearDuplicates is not null)
            {
                await LockNearDuplicateIndexAsync(cache, ct).ConfigureAwait(false);
                bandRows += await FillMissingBandKeysAsync(cache, _store.Dialect, nearDuplicates, ct).ConfigureAwait(false);
            }

            var stored = await StoredHashesAsync(cache, items, ct).ConfigureAwait(false);
            foreach (var item in items)
            {
                var (result, rows) = await InsertOneAsync(cache, _store.Dialect, item, actor, runId, now, nearDuplicates, stored, ct).ConfigureAwait(false);
                results.Add(result);
                bandRows += rows;
            }

            await AfterBandInsertsAsync(cache, bandRows, ct).ConfigureAwait(false);
            return results;
        }, cancellationToken);
    }

    /// <summary>The text hashes of the batch's ids already in the workspace, read a page of ids per statement.</summary>
    private static async Task<Dictionary<string, string>> StoredHashesAsync(CommandCache cache, IReadOnlyList<NewCurationItem> items, CancellationToken ct)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Chunk(IdPage))
        {
            var (list, parameters) = InList(page);
            var command = cache.Get($"SELECT id, text_hash FROM curation_items WHERE id IN ({list})", parameters);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) stored[reader.GetString(0)] = reader.GetString(1);
        }

        return stored;
    }

    /// <summary>"@k0, @k1, …" for an <c>IN (…)</c> list, and the parameters binding each name to its id.</summary>
    private static (string List, (string Name, object? Value)[] Parameters) InList(string[] ids)
    {
        var parameters = new (string Name, object? Value)[ids.Length];
        for (var k = 0; k < ids.Length; k++) parameters[k] = ("@k" + k.ToString(CultureInfo.InvariantCulture), ids[k]);
        return (string.Join(", ", parameters.Select(p => p.Name)), parameters);
    }

    /// <summary>Inserts one item; returns its outcome and the number of band-key rows it added.</summary>
    /// <param name="stored">Text hash by id of the items in the workspace: read before the batch, extended by each insert.</param>
    private static async Task<(InsertResult Result, int BandRows)> InsertOneAsync(CommandCache cache, StoreDialect dialect, NewCurationItem item, Actor actor, string? runId, string now,
        INearDuplicateIndex? nearDuplicates, Dictionary<string, string> stored, CancellationToken ct)
    {
        if (stored.TryGetValue(item.Id, out var hash))
            return (new InsertResult(item.Id, hash == item.TextHash ? InsertOutcome.AlreadyPresent : InsertOutcome.IdConflict), 0);

        var state = item.State;
        var reasonCode = item.ReasonCode;
        var reason = item.Reason;
        var signature = item.Signature;
        string? duplicateOf = null;
        var claimed = await ExecuteAsync(cache,
            "INSERT INTO curation_content_hashes (text_hash, item_id) VALUES (@hash, @id) ON CONFLICT (text_hash) DO NOTHING", ct,
            ("@hash", item.TextHash), ("@id", item.Id)).ConfigureAwait(false);
        if (claimed == 0)
        {
            duplicateOf = (string?)await ScalarAsync(cache, "SELECT item_id FROM curation_content_hashes WHERE text_hash = @hash", ct, ("@hash", item.TextHash)).ConfigureAwait(false);
            state = CurationState.Rejected;
            reasonCode = "duplicate";
            reason = $"exact duplicate of {duplicateOf}";
            signature = null;
        }

        string? nearDuplicateOf = null;
        long[] bandKeys = [];
        if (signature is not null && nearDuplicates is not null)
        {
            bandKeys = nearDuplicates.BandKeys(signature);
            if (bandKeys.Length > 0)
            {
                var candidates = await ReadBandCandidatesAsync(cache, bandKeys, ct).ConfigureAwait(false);
                nearDuplicateOf = nearDuplicates.BestMatch(signature, candidates);
            }

            if (nearDuplicateOf is not null)
            {
                state = CurationState.Rejected;
                reasonCode = "near_duplicate";
                reason = $"near duplicate of {nearDuplicateOf}";
                signature = null;
            }
        }

        var p = item.Provenance;
        var inserted = await ExecuteAsync(cache, """
            INSERT INTO curation_items (id, state, reason_code, reason, version, text_hash, char_count, source_file, source_record, title, genre,
                url, platform, author, published_at, likes, shares, comments, created_at, updated_at)
            VALUES (@id, @state, @reason_code, @reason, 1, @hash, @chars, @file, @record, @title, @genre,
                @url, @platform, @author, @published, @likes, @shares, @comments, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """, ct,
            ("@id", item.Id), ("@state", state.ToStorage()), ("@reason_code", reasonCode), ("@reason", reason),
            ("@hash", item.TextHash), ("@chars", item.CharCount), ("@file", item.Source.File), ("@record", item.Source.Record),
            ("@title", item.Title), ("@genre", item.Genre), ("@url", p?.Url), ("@platform", p?.Platform), ("@author", p?.Author),
            ("@published", p?.PublishedAt is { } at ? StoreTime.FormatWithOffset(at) : null),
            ("@likes", p?.Engagement?.Likes), ("@shares", p?.Engagement?.Shares), ("@comments", p?.Engagement?.Comments), ("@now", now)).ConfigureAwait(false);
        if (inserted == 0)
        {
            // Another writer stored this id between our check and our insert (PostgreSQL, read committed).
            var winner = (string?)await ScalarAsync(cache, "SELECT text_hash FROM curation_items WHERE id = @id", ct, ("@id", item.Id)).ConfigureAwait(false);
            return (new InsertResult(item.Id, winner == item.TextHash ? InsertOutcome.AlreadyPresent : InsertOutcome.IdConflict), 0);
        }

        stored[item.Id] = item.TextHash;
        await ExecuteAsync(cache, "INSERT INTO curation_item_texts (item_id, text, signature) VALUES (@id, @text, @signature)", ct,
            ("@id", item.Id), ("@text", item.Text), ("@signature", signature)).ConfigureAwait(false);
        var bandRows = signature is not null && bandKeys.Length > 0 ? await InsertBandKeysAsync(cache, dialect, item.Id, bandKeys, ct).ConfigureAwait(false) : 0;
        await InsertAuditAsync(cache, item.Id, null, state, reasonCode, reason, actor, runId, now, ct).ConfigureAwait(false);
        if (duplicateOf is not null) return (new InsertResult(item.Id, InsertOutcome.ExactDuplicate, duplicateOf), bandRows);
        return (nearDuplicateOf is null ? new InsertResult(item.Id, InsertOutcome.Inserted) : new InsertResult(item.Id, InsertOutcome.NearDuplicate, nearDuplicateOf), bandRows);
    }

    public async Task<CurationItem?> GetItemAsync(string id, CancellationToken cancellationToken = default)
    {
        var items = await QueryItemsAsync($"SELECT {ItemColumns} FROM {ItemSource} WHERE i.id = @id", cancellationToken, ("@id", id)).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    public Task<IReadOnlyList<CurationItem>> ListItemsAsync(CurationState? state, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // Conditions are added only when used: PostgreSQL cannot type a parameter that appears only in "@p IS NULL".
        var where = new List<string>();
        var parameters = new List<(string, object?)> { ("@limit", limit) };
        if (state is { } s) { where.Add("i.state = @state"); parameters.Add(("@state", s.ToStorage())); }
        if (afterId is not null) { where.Add("i.id > @after"); parameters.Add(("@after", afterId)); }
        var sql = $"SELECT {ItemColumns} FROM {ItemSource}{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY i.id LIMIT @limit";
        return QueryItemsAsync(sql, cancellationToken, [.. parameters]);
    }

    public Task<IReadOnlyList<CurationItem>> ClaimAsync(CurationState state, string owner, int limit, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var lockClause = _store.Dialect == StoreDialect.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        return _store.WriteAsync<IReadOnlyList<CurationItem>>(async (connection, transaction, ct) =>
        {
            var now = _time.GetUtcNow();
            var sql = $"""
                UPDATE curation_items SET claimed_by = @owner, claimed_until = @until
                WHERE id IN (SELECT id FROM curation_items WHERE state = @state AND (claimed_until IS NULL OR claimed_until < @now)
                             ORDER BY id LIMIT @limit{lockClause})
                RETURNING id
                """;
            var ids = new List<string>();
            using (var claim = Command(connection, transaction, sql,
                ("@owner", owner), ("@until", StoreTime.FormatUtc(now + lease)), ("@state", state.ToStorage()), ("@now", StoreTime.FormatUtc(now)), ("@limit", limit)))
            await using (var reader = await claim.ExecuteReaderAsync(ct).ConfigureAwait(false))
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) ids.Add(reader.GetString(0));

            // RETURNING cannot join: read the claimed items with their texts, a page of ids at a time.
            var items = new List<CurationItem>(ids.Count);
            foreach (var page in ids.Chunk(IdPage))
            {
                var (list, parameters) = InList(page);
                items.AddRange(await ReadItemsAsync(connection, transaction, $"SELECT {ItemColumns} FROM {ItemSource} WHERE i.id IN ({list})", ct, parameters).ConfigureAwait(false));
            }

            return [.. items.OrderBy(i => i.Id, StringComparer.Ordinal)];
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListClaimOwnersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT DISTINCT claimed_by FROM curation_items WHERE claimed_by IS NOT NULL AND claimed_until >= @now ORDER BY claimed_by", ("@now", Now()));
        var owners = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) owners.Add(reader.GetString(0));
        return owners;
    }

    public async Task<IReadOnlyList<WorkerActivity>> ListWorkersAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        var runs = new Dictionary<string, (string? Process, long Claims, long Recent)>(StringComparer.Ordinal);
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using (var claims = Command(connection, null,
            "SELECT claimed_by, COUNT(*) FROM curation_items WHERE claimed_by IS NOT NULL AND claimed_until >= @now GROUP BY claimed_by", ("@now", Now())))
        await using (var reader = await claims.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // machine/pid/run:stage → run, machine/pid
                var owner = reader.GetString(0);
                var parts = owner.Split('/');
                var run = parts.Length == 3 ? parts[2].Split(':')[0] : owner;
                var process = parts.Length == 3 ? parts[0] + "/" + parts[1] : null;
                var count = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                runs[run] = runs.TryGetValue(run, out var r) ? (r.Process ?? process, r.Claims + count, r.Recent) : (process, count, 0);
            }
        }
        using (var recent = Command(connection, null,
            "SELECT run_id, COUNT(*) FROM curation_audit WHERE run_id IS NOT NULL AND at >= @since GROUP BY run_id",
            ("@since", StoreTime.FormatUtc(_time.GetUtcNow() - window))))
        await using (var reader = await recent.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var run = reader.GetString(0);
                var count = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                runs[run] = runs.TryGetValue(run, out var r) ? (r.Process, r.Claims, r.Recent + count) : (null, 0, count);
            }
        }
        return [.. runs.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new WorkerActivity(r.Key, r.Value.Process, r.Value.Claims, r.Value.Recent))];
    }

    public Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken = default) =>
        _store.WriteAsync((connection, transaction, ct) => ExecuteAsync(connection, transaction,
            "UPDATE curation_items SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @owner", ct, ("@owner", owner)), cancellationToken);

    public async Task<IReadOnlyList<StateCount>> CountByStateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT state, reason_code, COUNT(*) FROM curation_items GROUP BY state, reason_code ORDER BY state, reason_code");
        var counts = new List<StateCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            counts.Add(new StateCount(CurationStates.Parse(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        return counts;
    }

    public async IAsyncEnumerable<(string ItemId, byte[] Signature)> ReadSignaturesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT item_id, signature FROM curation_item_texts WHERE signature IS NOT NULL ORDER BY item_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            yield return (reader.GetString(0), (byte[])reader.GetValue(1));
    }

    private async Task<IReadOnlyList<CurationItem>> QueryItemsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadItemsAsync(connection, null, sql, cancellationToken, parameters).ConfigureAwait(false);
    }

    private static async Task<List<CurationItem>> ReadItemsAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var items = new List<CurationItem>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) items.Add(ReadItem(reader));
        return items;
    }

    private static CurationItem ReadItem(DbDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        long? L(int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
        var published = S(16);
        var engagement = L(17) is null && L(18) is null && L(19) is null ? null : new Engagement(L(17), L(18), L(19));
        return new CurationItem
        {
            Id = r.GetString(0),
            State = CurationStates.Parse(r.GetString(1)),
            ReasonCode = S(2),
            Reason = S(3),
            ReturnState = S(4) is { } ret ? CurationStates.Parse(ret) : null,
            Version = L(5)!.Value,
            Text = r.GetString(6),
            TextHash = r.GetString(7),
            CharCount = (int)L(8)!.Value,
            Source = new SourceLocation(r.GetString(9), r.GetString(10)),
            Title = S(11),
            Genre = S(12),
            Provenance = new Provenance
            {
                Url = S(13), Platform = S(14), Author = S(15),
                PublishedAt = published is null ? null : DateTimeOffset.Parse(published, CultureInfo.InvariantCulture),
                Engagement = engagement,
            },
            NeedsSpecialist = L(20) == 1,
            ReviewRound = (int)L(21)!.Value,
            ClaimedBy = S(22),
            CreatedAt = StoreTime.Parse(r.GetString(23)),
            UpdatedAt = StoreTime.Parse(r.GetString(24)),
        };
    }

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

    private static Task<int> ExecuteAsync(CommandCache cache, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        cache.Get(sql, parameters).ExecuteNonQueryAsync(ct);

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private static async Task<object?> ScalarAsync(CommandCache cache, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var value = await cache.Get(sql, parameters).ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}
