using Inkstone.Storage;

namespace Inkstone.Tests.Storage;

public sealed class SqliteLlmStoreTests : LlmStoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-llm-store-").FullName;

    protected override async Task<IWorkspaceStore> OpenStoreAsync(IEnumerable<SchemaMigration> migrations) =>
        await SqliteWorkspaceStore.OpenAsync(Path.Combine(_directory, "workspace.db"), migrations, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
