using System.Data.Common;
using Inkstone.Llm.Storage;
using Inkstone.Storage;

namespace Inkstone.Llm.Caching;

/// <summary>
/// <see cref="IResponseCache"/> in the table <c>llm_response_cache</c> of the workspace database (SQLite or PostgreSQL);
/// the store must have <see cref="LlmSchema.Migrations"/> applied.
/// </summary>
public sealed class WorkspaceResponseCache(IWorkspaceStore store) : IResponseCache
{
    public async Task<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT model, prompt, response_json, input_tokens, output_tokens, created_at FROM llm_response_cache WHERE cache_key = @key", ("@key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new CachedResponse(
            reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4),
            StoreTime.Parse(reader.GetString(5)));
    }

    public Task SetAsync(string key, CachedResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        return store.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = Command(connection, transaction, """
                INSERT INTO llm_response_cache (cache_key, model, prompt, response_json, input_tokens, output_tokens, created_at)
                VALUES (@key, @model, @prompt, @json, @in, @out, @at)
                ON CONFLICT (cache_key) DO UPDATE SET model = excluded.model, prompt = excluded.prompt, response_json = excluded.response_json,
                    input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, created_at = excluded.created_at
                """,
                ("@key", key), ("@model", response.ModelIdentity), ("@prompt", response.PromptKey), ("@json", response.ResponseJson),
                ("@in", response.InputTokens), ("@out", response.OutputTokens), ("@at", StoreTime.FormatUtc(response.CreatedAt)));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        store.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = Command(connection, transaction, "DELETE FROM llm_response_cache WHERE cache_key = @key", ("@key", key));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM llm_response_cache");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) WorkspaceStore.AddParameter(command, name, value);
        return command;
    }
}
