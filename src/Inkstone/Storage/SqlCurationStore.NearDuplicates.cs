using System.Globalization;
using System.Text;
using Inkstone.Curation.Dedup;

namespace Inkstone.Storage;

/// <summary>
/// The near-duplicate index kept in the workspace: one row per LSH band key of every stored item that keeps its
/// signature, looked up and extended inside the insert transaction so that the index costs no process memory and
/// every ingest writer sees the items of the writers before it. Keys are added to a small table
/// (<c>curation_near_dup_recent</c>) and moved into the large one (<c>curation_near_dup_bands</c>) in key order once
/// the small one holds <see cref="DefaultMergeRows"/> rows (or the number given to the constructor); a lookup reads both.
/// </summary>
public sealed partial class SqlCurationStore
{
    // Distinct from the migration lock key; held to the end of the insert transaction.
    private const long NearDuplicateLockKey = 0x496E6B4E65617244; // "InkNearD"
    private const int FillPage = 1000;

    /// <summary>Band-key rows (16 per item) gathered in the small table before a merge by default: about 8,000 items.</summary>
    public const long DefaultMergeRows = 1 << 17;

    private static readonly string s_candidatesSql = BuildCandidatesSql();
    private static readonly string s_insertBandsSqlite = BuildInsertBandsSql(StoreDialect.Sqlite);
    private static readonly string s_insertBandsPostgres = BuildInsertBandsSql(StoreDialect.Postgres);

    /// <summary>
    /// SQLite's <c>BEGIN IMMEDIATE</c> already serializes writers. PostgreSQL runs read committed, where two ingest
    /// transactions would each miss the other's uncommitted near duplicate; a transaction-scoped advisory lock makes
    /// them take turns, and every statement after the lock sees what the previous holder committed.
    /// </summary>
    private async Task LockNearDuplicateIndexAsync(CommandCache cache, CancellationToken ct)
    {
        if (_store.Dialect != StoreDialect.Postgres) return;
        await cache.Get($"SELECT pg_advisory_xact_lock({NearDuplicateLockKey.ToString(CultureInfo.InvariantCulture)})", []).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Items stored before the index moved into the database have signatures but no band keys: add them once; returns the rows added.</summary>
    private static async Task<long> FillMissingBandKeysAsync(CommandCache cache, StoreDialect dialect, INearDuplicateIndex nearDuplicates, CancellationToken ct)
    {
        if (await ScalarAsync(cache, "SELECT 1 FROM curation_near_dup_bands UNION ALL SELECT 1 FROM curation_near_dup_recent LIMIT 1", ct).ConfigureAwait(false) is not null) return 0;
        long added = 0;
        string? after = null;
        while (true)
        {
            // Paged by id and read to the end before writing: PostgreSQL runs one command at a time per connection.
            var page = new List<(string Id, byte[] Signature)>(FillPage);
            var sql = after is null
                ? $"SELECT item_id, signature FROM curation_item_texts WHERE signature IS NOT NULL ORDER BY item_id LIMIT {FillPage}"
                : $"SELECT item_id, signature FROM curation_item_texts WHERE signature IS NOT NULL AND item_id > @after ORDER BY item_id LIMIT {FillPage}";
            var command = after is null ? cache.Get(sql, []) : cache.Get(sql, [("@after", after)]);
            await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) page.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
            foreach (var (id, signature) in page)
                if (nearDuplicates.BandKeys(signature) is { Length: > 0 } keys) added += await InsertBandKeysAsync(cache, dialect, id, keys, ct).ConfigureAwait(false);
            if (page.Count < FillPage) return added;
            after = page[^1].Id;
        }
    }

    /// <summary>Stored items sharing at least one band key with <paramref name="bandKeys"/>, in id order.</summary>
    private static async Task<List<(string Id, byte[] Signature)>> ReadBandCandidatesAsync(CommandCache cache, long[] bandKeys, CancellationToken ct)
    {
        var parameters = new (string Name, object? Value)[bandKeys.Length];
        for (var band = 0; band < bandKeys.Length; band++) parameters[band] = (HashParameter(band), bandKeys[band]);
        var candidates = new List<(string Id, byte[] Signature)>();
        var command = bandKeys.Length == MinHashNearDuplicateIndex.Bands ? cache.Get(s_candidatesSql, parameters) : cache.Get(BuildCandidatesSql(bandKeys.Length), parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) candidates.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
        return candidates;
    }

    private static Task<int> InsertBandKeysAsync(CommandCache cache, StoreDialect dialect, string itemId, long[] bandKeys, CancellationToken ct)
    {
        var parameters = new (string Name, object? Value)[bandKeys.Length + 1];
        parameters[0] = ("@item", itemId);
        for (var band = 0; band < bandKeys.Length; band++) parameters[band + 1] = (HashParameter(band), bandKeys[band]);
        var sql = bandKeys.Length != MinHashNearDuplicateIndex.Bands ? BuildInsertBandsSql(dialect, bandKeys.Length)
            : dialect == StoreDialect.Sqlite ? s_insertBandsSqlite : s_insertBandsPostgres;
        return cache.Get(sql, parameters).ExecuteNonQueryAsync(ct);
    }

    /// <summary>Counts the rows added to the small table and merges it into the large one when it is full enough.</summary>
    private async Task AfterBandInsertsAsync(CommandCache cache, long added, CancellationToken ct)
    {
        if (added == 0) return;
        var rows = Convert.ToInt64(await ScalarAsync(cache, "UPDATE curation_near_dup_state SET recent_rows = recent_rows + @added WHERE singleton = 1 RETURNING recent_rows", ct,
            ("@added", added)).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (rows < _mergeRows) return;
        await MergeRecentBandKeysAsync(cache, _store.Dialect, ct).ConfigureAwait(false);
    }

    /// <summary>Moves every row of the small table into the large one, in key order (pages are then filled one after another).</summary>
    private static async Task MergeRecentBandKeysAsync(CommandCache cache, StoreDialect dialect, CancellationToken ct)
    {
        const string Select = "SELECT band, hash, item_id FROM curation_near_dup_recent ORDER BY band, hash, item_id";
        var sql = dialect == StoreDialect.Sqlite
            ? $"INSERT OR IGNORE INTO curation_near_dup_bands (band, hash, item_id) {Select}"
            : $"INSERT INTO curation_near_dup_bands (band, hash, item_id) {Select} ON CONFLICT DO NOTHING";
        await cache.Get(sql, []).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await cache.Get("DELETE FROM curation_near_dup_recent", []).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await cache.Get("UPDATE curation_near_dup_state SET recent_rows = 0 WHERE singleton = 1", []).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static string HashParameter(int band) => "@h" + band.ToString(CultureInfo.InvariantCulture);

    // One statement per lookup: index seeks on (band, hash), then the signatures of the distinct items. UNION ALL, not
    // UNION: IN already removes repeats, and SQLite builds a temporary B-tree for every UNION (30× slower here).
    private static string BuildCandidatesSql(int bands = MinHashNearDuplicateIndex.Bands)
    {
        var sql = new StringBuilder("SELECT item_id, signature FROM curation_item_texts WHERE signature IS NOT NULL AND item_id IN (");
        for (var band = 0; band < bands; band++)
        {
            if (band > 0) sql.Append(" UNION ALL ");
            sql.Append(CultureInfo.InvariantCulture, $"SELECT item_id FROM curation_near_dup_bands WHERE band = {band} AND hash = {HashParameter(band)} UNION ALL ");
            sql.Append(CultureInfo.InvariantCulture, $"SELECT item_id FROM curation_near_dup_recent WHERE band = {band} AND hash = {HashParameter(band)}");
        }

        return sql.Append(") ORDER BY item_id").ToString();
    }

    // SQLite: OR IGNORE, so that no constraint can abort the statement half-way and SQLite keeps no statement journal
    // (a copy of every page the statement changes: for a merge, a copy of much of the large table). PostgreSQL: ON
    // CONFLICT DO NOTHING.
    private static string BuildInsertBandsSql(StoreDialect dialect, int bands = MinHashNearDuplicateIndex.Bands)
    {
        var sql = new StringBuilder(dialect == StoreDialect.Sqlite ? "INSERT OR IGNORE INTO" : "INSERT INTO").Append(" curation_near_dup_recent (band, hash, item_id) VALUES ");
        for (var band = 0; band < bands; band++)
            sql.Append(CultureInfo.InvariantCulture, $"{(band > 0 ? ", " : "")}({band}, {HashParameter(band)}, @item)");
        return dialect == StoreDialect.Sqlite ? sql.ToString() : sql.Append(" ON CONFLICT DO NOTHING").ToString();
    }
}
