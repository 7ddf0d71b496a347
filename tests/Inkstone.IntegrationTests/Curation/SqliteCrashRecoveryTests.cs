using Inkstone.Curation;

namespace Inkstone.IntegrationTests.Curation;

public sealed class SqliteCrashRecoveryTests : CrashRecoveryTests
{
    protected override Task<WorkspaceConfig.StoreConfig> NewStoreAsync(string name) => Task.FromResult(new WorkspaceConfig.StoreConfig());
}
