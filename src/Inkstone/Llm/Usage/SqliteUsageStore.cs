using Microsoft.Data.Sqlite;

namespace Inkstone.Llm.Usage;

/// <summary><see cref="IUsageStore"/> in a table <c>llm_run_usage</c> of the workspace SQLite database (portable SQL).</summary>
public sealed class SqliteUsageStore : IUsageStore
{
    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS llm_run_usage (
            run_id         TEXT NOT NULL,
            model          TEXT NOT NULL,
            calls          BIGINT NOT NULL,
            cache_hits     BIGINT NOT NULL,
            input_tokens   BIGINT NOT NULL,
            output_tokens  BIGINT NOT NULL,
            failures       BIGINT NOT NULL,
            recorded_at    TEXT NOT NULL,
            PRIMARY KEY (run_id, model)
        )
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _timeProvider;

    public SqliteUsageStore(string databasePath, TimeProvider? timeProvider = null)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 60 }.ToString();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Stores or replaces the run's figures per model (a resumed run records its totals again).</summary>
    public async Task SaveAsync(string runId, IReadOnlyList<ModelUsage> usage, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var at = _timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var u in usage)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO llm_run_usage (run_id, model, calls, cache_hits, input_tokens, output_tokens, failures, recorded_at)
                VALUES ($run, $model, $calls, $hits, $in, $out, $failures, $at)
                ON CONFLICT (run_id, model) DO UPDATE SET calls = excluded.calls, cache_hits = excluded.cache_hits,
                    input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, failures = excluded.failures, recorded_at = excluded.recorded_at
                """;
            command.Parameters.AddWithValue("$run", runId);
            command.Parameters.AddWithValue("$model", u.Model);
            command.Parameters.AddWithValue("$calls", u.Calls);
            command.Parameters.AddWithValue("$hits", u.CacheHits);
            command.Parameters.AddWithValue("$in", u.InputTokens);
            command.Parameters.AddWithValue("$out", u.OutputTokens);
            command.Parameters.AddWithValue("$failures", u.Failures);
            command.Parameters.AddWithValue("$at", at);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ModelUsage>> LoadAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT model, calls, cache_hits, input_tokens, output_tokens, failures FROM llm_run_usage WHERE run_id = $run ORDER BY model";
        command.Parameters.AddWithValue("$run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ModelUsage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(new ModelUsage(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        return rows;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = CreateTableSql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
