using Inkstone.Storage;

namespace Inkstone.Tests.Storage;

public sealed class SqliteCurationStoreTests : CurationStoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-store-").FullName;

    protected override async Task<IWorkspaceStore> OpenStoreAsync(IEnumerable<SchemaMigration>? additionalMigrations = null, int curationVersion = int.MaxValue) =>
        await SqliteWorkspaceStore.OpenAsync(Path.Combine(_directory, "workspace.db"), [.. CurationSchema.Migrations.Where(m => m.Version <= curationVersion), .. additionalMigrations ?? []], TestContext.Current.CancellationToken);

    [Fact]
    public async Task Open_NewFile_UsesWriteAheadLog()
    {
        await using var store = await OpenStoreAsync();
        await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
