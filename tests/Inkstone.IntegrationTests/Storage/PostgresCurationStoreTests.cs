using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Storage;
using Inkstone.Tests.Storage;

namespace Inkstone.IntegrationTests.Storage;

/// <summary>The store contract (the same source file the SQLite tests run) against a private PostgreSQL cluster.</summary>
public sealed class PostgresCurationStoreTests(PostgresCluster cluster) : CurationStoreContractTests
{
    private string? _connectionString;

    protected override async Task<IWorkspaceStore> OpenStoreAsync(IEnumerable<SchemaMigration>? additionalMigrations = null, int curationVersion = int.MaxValue)
    {
        cluster.EnsureAvailable();
        _connectionString ??= await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        return await PostgresWorkspaceStore.OpenAsync(_connectionString, [.. CurationSchema.Migrations.Where(m => m.Version <= curationVersion), .. additionalMigrations ?? []], TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Open_ConcurrentProcessesOnEmptyDatabase_MigrateOnce()
    {
        cluster.EnsureAvailable();
        _connectionString = await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OpenStoreAsync())));
        var applied = await stores[0].ListAppliedMigrationsAsync(TestContext.Current.CancellationToken);
        foreach (var s in stores) await s.DisposeAsync();
        Assert.Equal(CurationSchema.Migrations.Count, applied.Count);
    }
}
