using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Storage;

namespace Inkstone.IntegrationTests.Curation;

internal static class PostgresDatabases
{
    /// <summary>A new database in the private cluster with the curation schema applied (skips or fails when the cluster is missing).</summary>
    public static async Task<IWorkspaceStore> OpenFreshAsync(PostgresCluster cluster)
    {
        cluster.EnsureAvailable();
        var connectionString = await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        return await PostgresWorkspaceStore.OpenAsync(connectionString, CurationSchema.Migrations, TestContext.Current.CancellationToken);
    }
}
