using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Storage;
using Inkstone.Tests.Storage;

namespace Inkstone.IntegrationTests.Storage;

/// <summary>The model layer's cache and usage contract (the same source file the SQLite tests run) against a private PostgreSQL cluster.</summary>
public sealed class PostgresLlmStoreTests(PostgresCluster cluster) : LlmStoreContractTests
{
    private string? _connectionString;

    protected override async Task<IWorkspaceStore> OpenStoreAsync(IEnumerable<SchemaMigration> migrations)
    {
        cluster.EnsureAvailable();
        _connectionString ??= await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        return await PostgresWorkspaceStore.OpenAsync(_connectionString, migrations, TestContext.Current.CancellationToken);
    }
}
