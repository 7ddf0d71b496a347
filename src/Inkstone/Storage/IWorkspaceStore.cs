using System.Data.Common;

namespace Inkstone.Storage;

/// <summary>
/// The workspace database: a SQLite file or a PostgreSQL database behind the same contract. Module stores
/// (curation, the model cache, evaluation) are built on it; each brings its own <see cref="SchemaMigration"/>s.
/// </summary>
public interface IWorkspaceStore : IAsyncDisposable
{
    StoreDialect Dialect { get; }

    /// <summary>Where the data lives, without secrets (file path, or host/port/database).</summary>
    string Description { get; }

    /// <summary>An open connection for reads; the caller disposes it.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction and commits it (SQLite: <c>BEGIN IMMEDIATE</c>, so writers
    /// queue instead of failing at commit; PostgreSQL: read committed). Transient conflicts (SQLite busy, PostgreSQL
    /// serialization failure or deadlock) roll back and run <paramref name="work"/> again, so it must not have effects
    /// outside the transaction.
    /// </summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Applies the migrations not yet applied, module by module in version order, each in its own transaction.</summary>
    Task MigrateAsync(IEnumerable<SchemaMigration> migrations, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AppliedMigration>> ListAppliedMigrationsAsync(CancellationToken cancellationToken = default);
}
