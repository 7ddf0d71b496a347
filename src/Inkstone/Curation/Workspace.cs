using Inkstone.Storage;

namespace Inkstone.Curation;

/// <summary>An open workspace: its folder, configuration, database and curation store.</summary>
public sealed class Workspace : IAsyncDisposable
{
    private Workspace(string directory, WorkspaceConfig config, IWorkspaceStore database)
    {
        Directory = directory;
        Config = config;
        Database = database;
        Items = new SqlCurationStore(database);
        Team = new Inkstone.Team.SqlTeamStore(database);
    }

    public string Directory { get; }
    public WorkspaceConfig Config { get; }
    public IWorkspaceStore Database { get; }
    public ICurationStore Items { get; }

    /// <summary>The people working in the web app, their work in progress, guidelines and calibration.</summary>
    public Inkstone.Team.ITeamStore Team { get; }

    /// <summary>Migrations applied on open; other modules append theirs here when they are merged in.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } = [.. CurationSchema.Migrations, .. Llm.Storage.LlmSchema.Migrations, .. Inkstone.Team.TeamSchema.Migrations];

    /// <summary>Creates the folder and <c>inkstone.json</c> (refusing to overwrite one) and the database.</summary>
    public static async Task<Workspace> InitAsync(string directory, WorkspaceConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, WorkspaceConfig.FileName);
        if (File.Exists(path)) throw new InvalidOperationException($"{path} already exists: the folder is a workspace already");
        config.Save(path);
        return await OpenAsync(directory, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Workspace> OpenAsync(string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, WorkspaceConfig.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{directory} is not a workspace (no {WorkspaceConfig.FileName}); create one with 'inkstone init'", path);
        var config = WorkspaceConfig.Load(path);
        IWorkspaceStore database = config.Store.Provider switch
        {
            "sqlite" => await SqliteWorkspaceStore.OpenAsync(Path.Combine(directory, config.Store.Path), Migrations, cancellationToken).ConfigureAwait(false),
            "postgres" => await PostgresWorkspaceStore.OpenAsync(PostgresConnectionString(config.Store, path), Migrations, cancellationToken).ConfigureAwait(false),
            var other => throw new InvalidDataException($"{path}: store.provider '{other}' is not one of sqlite, postgres"),
        };
        return new Workspace(Path.GetFullPath(directory), config, database);
    }

    private static string PostgresConnectionString(WorkspaceConfig.StoreConfig store, string configPath)
    {
        if (store.ConnectionStringEnv is { } variable)
            return Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"{configPath}: environment variable {variable} (store.connection_string_env) is not set");
        return store.ConnectionString ?? throw new InvalidDataException($"{configPath}: store.provider is postgres but neither store.connection_string nor store.connection_string_env is set");
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
