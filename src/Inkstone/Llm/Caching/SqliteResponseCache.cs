using Microsoft.Data.Sqlite;

namespace Inkstone.Llm.Caching;

/// <summary>
/// <see cref="IResponseCache"/> in a table <c>llm_response_cache</c> of the workspace SQLite database (created when
/// missing). The SQL is plain enough to run unchanged on PostgreSQL apart from the upsert's parameter style.
/// </summary>
public sealed class SqliteResponseCache : IResponseCache
{
    internal const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS llm_response_cache (
            cache_key      TEXT PRIMARY KEY,
            model          TEXT NOT NULL,
            prompt         TEXT NOT NULL,
            response_json  TEXT NOT NULL,
            input_tokens   BIGINT NULL,
            output_tokens  BIGINT NULL,
            created_at     TEXT NOT NULL
        )
        """;

    private readonly string _connectionString;
    private readonly Lock _initLock = new();
    private volatile bool _initialized;

    /// <param name="databasePath">The workspace database file; created if missing.</param>
    public SqliteResponseCache(string databasePath)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 60,
            Pooling = true,
        }.ToString();
    }

    public async Task<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT model, prompt, response_json, input_tokens, output_tokens, created_at FROM llm_response_cache WHERE cache_key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new CachedResponse(
            reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4),
            DateTimeOffset.Parse(reader.GetString(5), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task SetAsync(string key, CachedResponse response, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO llm_response_cache (cache_key, model, prompt, response_json, input_tokens, output_tokens, created_at)
            VALUES ($key, $model, $prompt, $json, $in, $out, $at)
            ON CONFLICT (cache_key) DO UPDATE SET model = excluded.model, prompt = excluded.prompt, response_json = excluded.response_json,
                input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, created_at = excluded.created_at
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$model", response.ModelIdentity);
        command.Parameters.AddWithValue("$prompt", response.PromptKey);
        command.Parameters.AddWithValue("$json", response.ResponseJson);
        command.Parameters.AddWithValue("$in", (object?)response.InputTokens ?? DBNull.Value);
        command.Parameters.AddWithValue("$out", (object?)response.OutputTokens ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", response.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM llm_response_cache WHERE cache_key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM llm_response_cache";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_initialized) return connection;
        lock (_initLock)
        {
            if (!_initialized)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = WAL; " + CreateTableSql;
                command.ExecuteNonQuery();
                _initialized = true;
            }
        }
        return connection;
    }
}
