namespace Inkstone.Tests.Cli;

public sealed class SqliteRunWithModelTests : RunWithModelTests
{
    protected override Task<string[]> InitOptionsAsync() => Task.FromResult<string[]>([]);
}
