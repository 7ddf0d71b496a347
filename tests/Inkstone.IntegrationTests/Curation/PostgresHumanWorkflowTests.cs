using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Storage;
using Inkstone.Tests.Curation;

namespace Inkstone.IntegrationTests.Curation;

/// <summary>Annotation, score, review and export tests of the unit suite (same source file) on PostgreSQL.</summary>
public sealed class PostgresHumanWorkflowTests(PostgresCluster cluster) : HumanWorkflowTests
{
    protected override Func<string, Task<IWorkspaceStore>>? DatabaseFactory => _ => PostgresDatabases.OpenFreshAsync(cluster);
}
