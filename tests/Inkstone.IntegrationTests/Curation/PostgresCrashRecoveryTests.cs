using Inkstone.Curation;
using Inkstone.IntegrationTests.Infrastructure;

namespace Inkstone.IntegrationTests.Curation;

public sealed class PostgresCrashRecoveryTests(PostgresCluster cluster) : CrashRecoveryTests
{
    protected override async Task<WorkspaceConfig.StoreConfig> NewStoreAsync(string name)
    {
        cluster.EnsureAvailable();
        return new WorkspaceConfig.StoreConfig { Provider = "postgres", ConnectionString = await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken) };
    }
}
