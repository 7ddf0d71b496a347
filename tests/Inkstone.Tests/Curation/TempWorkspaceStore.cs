using Inkstone.Storage;

namespace Inkstone.Tests.Curation;

/// <summary>A SQLite workspace database in a temporary folder, deleted on dispose.</summary>
internal sealed class TempWorkspaceStore : IAsyncDisposable
{
    private TempWorkspaceStore(string directory, IWorkspaceStore database)
    {
        Directory = directory;
        Database = database;
        Items = new SqlCurationStore(database);
    }

    public string Directory { get; }
    public IWorkspaceStore Database { get; }
    public SqlCurationStore Items { get; }

    /// <summary>A temporary folder and a database: SQLite in that folder unless <paramref name="openDatabase"/> opens another (PostgreSQL).</summary>
    public static async Task<TempWorkspaceStore> CreateAsync(Func<string, Task<IWorkspaceStore>>? openDatabase = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("inkstone-curation-").FullName;
        var database = openDatabase is null
            ? await SqliteWorkspaceStore.OpenAsync(Path.Combine(directory, "workspace.db"), CurationSchema.Migrations, TestContext.Current.CancellationToken)
            : await openDatabase(directory);
        return new TempWorkspaceStore(directory, database);
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
