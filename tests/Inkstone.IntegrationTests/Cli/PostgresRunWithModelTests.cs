using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Tests.Cli;

namespace Inkstone.IntegrationTests.Cli;

/// <summary><c>inkstone run</c> with the stub model on a PostgreSQL workspace: items, audit, response cache and usage all in PostgreSQL.</summary>
public sealed class PostgresRunWithModelTests(PostgresCluster cluster) : RunWithModelTests
{
    protected override async Task<string[]> InitOptionsAsync()
    {
        cluster.EnsureAvailable();
        return ["--postgres", await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken)];
    }
}
