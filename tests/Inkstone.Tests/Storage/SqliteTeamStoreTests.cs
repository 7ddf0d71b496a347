using Inkstone.Curation;
using Inkstone.Storage;

namespace Inkstone.Tests.Storage;

public sealed class SqliteTeamStoreTests : TeamStoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-team-").FullName;

    protected override async Task<IWorkspaceStore> OpenStoreAsync() =>
        await SqliteWorkspaceStore.OpenAsync(Path.Combine(_directory, "workspace.db"), Workspace.Migrations, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
