using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Storage;
using Inkstone.Tests.Curation;

namespace Inkstone.IntegrationTests.Curation;

/// <summary>The pipeline tests of the unit suite (same source files) on a fresh PostgreSQL database per test.</summary>
public sealed class PostgresCurationPipelineTests(PostgresCluster cluster) : CurationPipelineTests
{
    protected override Func<string, Task<IWorkspaceStore>>? DatabaseFactory => _ => PostgresDatabases.OpenFreshAsync(cluster);
}
