using Inkstone.Curation;
using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Storage;
using Inkstone.Tests.Storage;

namespace Inkstone.IntegrationTests.Storage;

/// <summary>The team store contract (the same source file the SQLite tests run) against a private PostgreSQL cluster.</summary>
public sealed class PostgresTeamStoreTests(PostgresCluster cluster) : TeamStoreContractTests
{
    private string? _connectionString;

    protected override async Task<IWorkspaceStore> OpenStoreAsync()
    {
        cluster.EnsureAvailable();
        _connectionString ??= await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        return await PostgresWorkspaceStore.OpenAsync(_connectionString, Workspace.Migrations, TestContext.Current.CancellationToken);
    }
}
