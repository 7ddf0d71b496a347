using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Inkstone.Storage;

/// <summary>
/// A workspace in one SQLite file: WAL journal (readers never block the writer), a busy timeout, and
/// <c>BEGIN IMMEDIATE</c> for every write so that concurrent processes queue on the write lock instead of failing at commit.
/// Each connection keeps a page cache of at most 64 MiB (bounded whatever the corpus size) and checkpoints the WAL
/// every 16,384 pages (64 MiB) instead of every 1,000: an ingest batch writes more than 1,000 pages, so the default
/// checkpointed (and synced) after every batch and copied the same index pages into the database again and again.
/// Temporary storage (statement journals, sorts) is kept in memory instead of temporary files.
/// </summary>
public sealed class SqliteWorkspaceStore : WorkspaceStore
{
    private static readonly TimeSpan s_busyTimeout = TimeSpan.FromSeconds(60);
    private readonly string _connectionString;

    private SqliteWorkspaceStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)s_busyTimeout.TotalSeconds,
        }.ToString();
    }

    public string Path { get; }

    public override StoreDialect Dialect => StoreDialect.Sqlite;

    public override string Description => "sqlite:" + Path;

    /// <summary>Opens (creating when absent) the file and applies the migrations not yet applied.</summary>
    public static async Task<SqliteWorkspaceStore> OpenAsync(string path, IEnumerable<SchemaMigration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var store = new SqliteWorkspaceStore(System.IO.Path.GetFullPath(path));
        try
        {
            await using (var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await store.MigrateAsync(migrations, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null,
                $"PRAGMA busy_timeout={(int)s_busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384; PRAGMA temp_store=MEMORY;",
                cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    // BEGIN IMMEDIATE already holds the database's single write lock.
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and the WAL un-checkpointed) until the pool lets go of them.
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
