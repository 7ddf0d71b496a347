using System.Data.Common;

namespace Inkstone.Storage;

/// <summary>What the SQLite and PostgreSQL stores share: the write-transaction retry loop and the migration runner.</summary>
public abstract class WorkspaceStore : IWorkspaceStore
{
    private const int MaxAttempts = 20;

    public abstract StoreDialect Dialect { get; }

    public abstract string Description { get; }

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    /// <summary>Starts the write transaction (and takes whatever lock the dialect needs).</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True for errors that a retry of the whole transaction resolves.</summary>
    protected abstract bool IsTransient(Exception exception);

    /// <summary>Serializes schema changes between processes opening the same database.</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                var result = await work(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                // Jittered backoff so that queued writers do not retry in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task MigrateAsync(IEnumerable<SchemaMigration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var byModule = migrations.GroupBy(m => m.Module, StringComparer.Ordinal).ToList();
        foreach (var module in byModule)
        {
            var duplicates = module.GroupBy(m => m.Version).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (duplicates.Count > 0)
                throw new ArgumentException($"module '{module.Key}' declares migration version(s) {string.Join(", ", duplicates)} more than once", nameof(migrations));
        }

        await WriteAsync(async (connection, transaction, ct) =>
        {
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    module TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL,
                    PRIMARY KEY (module, version))
                """, ct).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);

        foreach (var module in byModule)
        {
            var known = module.Max(m => m.Version);
            foreach (var migration in module.OrderBy(m => m.Version))
            {
                await WriteAsync(async (connection, transaction, ct) =>
                {
                    await LockForMigrationAsync(connection, transaction, ct).ConfigureAwait(false);
                    using var check = connection.CreateCommand();
                    check.Transaction = transaction;
                    check.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE module = @module";
                    AddParameter(check, "@module", module.Key);
                    var applied = Convert.ToInt32(await check.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                    if (applied > known)
                        throw new WorkspaceSchemaException($"{Description}: module '{module.Key}' is at schema version {applied}, newer than this build knows ({known}); upgrade Inkstone");
                    if (applied >= migration.Version) return 0;

                    await ExecuteAsync(connection, transaction, migration.SqlFor(Dialect), ct).ConfigureAwait(false);
                    using var record = connection.CreateCommand();
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (@module, @version, @name, @at)";
                    AddParameter(record, "@module", migration.Module);
                    AddParameter(record, "@version", migration.Version);
                    AddParameter(record, "@name", migration.Name);
                    AddParameter(record, "@at", StoreTime.FormatUtc(DateTimeOffset.UtcNow));
                    await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    return 1;
                }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<AppliedMigration>> ListAppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT module, version, name, applied_at FROM schema_migrations ORDER BY module, version";
        var result = new List<AppliedMigration>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(new AppliedMigration(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(2), StoreTime.Parse(reader.GetString(3))));
        return result;
    }

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
