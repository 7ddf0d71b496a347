using Inkstone.Llm.Caching;
using Inkstone.Llm.Storage;
using Inkstone.Storage;

namespace Inkstone.Llm.Usage;

/// <summary>
/// <see cref="IUsageStore"/> in the table <c>llm_run_usage</c> of the workspace database (SQLite or PostgreSQL); the
/// store must have <see cref="LlmSchema.Migrations"/> applied.
/// </summary>
public sealed class WorkspaceUsageStore(IWorkspaceStore store, TimeProvider? timeProvider = null) : IUsageStore
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Stores or replaces the run's figures per model (a resumed run records its totals again), in one transaction.</summary>
    public Task SaveAsync(string runId, IReadOnlyList<ModelUsage> usage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var at = StoreTime.FormatUtc(_time.GetUtcNow());
        return store.WriteAsync(async (connection, transaction, ct) =>
        {
            foreach (var u in usage)
            {
                await using var command = WorkspaceResponseCache.Command(connection, transaction, """
                    INSERT INTO llm_run_usage (run_id, model, calls, cache_hits, input_tokens, output_tokens, failures, recorded_at)
                    VALUES (@run, @model, @calls, @hits, @in, @out, @failures, @at)
                    ON CONFLICT (run_id, model) DO UPDATE SET calls = excluded.calls, cache_hits = excluded.cache_hits,
                        input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, failures = excluded.failures, recorded_at = excluded.recorded_at
                    """,
                    ("@run", runId), ("@model", u.Model), ("@calls", u.Calls), ("@hits", u.CacheHits), ("@in", u.InputTokens),
                    ("@out", u.OutputTokens), ("@failures", u.Failures), ("@at", at));
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            return usage.Count;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ModelUsage>> LoadAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = WorkspaceResponseCache.Command(connection, null,
            "SELECT model, calls, cache_hits, input_tokens, output_tokens, failures FROM llm_run_usage WHERE run_id = @run", ("@run", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ModelUsage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(new ModelUsage(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        // Sorted here: the two databases collate text differently.
        return [.. rows.OrderBy(u => u.Model, StringComparer.Ordinal)];
    }
}
