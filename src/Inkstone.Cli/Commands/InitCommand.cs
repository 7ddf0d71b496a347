using System.CommandLine;
using Inkstone.Curation;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone init</c>: creates a workspace (inkstone.json and the database).</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Create a workspace: inkstone.json and a SQLite file (default) or a PostgreSQL schema; migrations are applied.");
        var directory = new Argument<DirectoryInfo>("directory") { Description = "Workspace folder (created when missing).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var postgres = new Option<string?>("--postgres") { Description = "Use PostgreSQL with this Npgsql connection string instead of SQLite." };
        var postgresEnv = new Option<string?>("--postgres-env") { Description = "Use PostgreSQL with the connection string in this environment variable (keeps passwords out of inkstone.json)." };
        var noModel = new Option<bool>("--no-model") { Description = "Configure screening and analysis as 'none' so that items reach annotation without a model." };
        command.Arguments.Add(directory);
        command.Options.Add(postgres);
        command.Options.Add(postgresEnv);
        command.Options.Add(noModel);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            var config = new WorkspaceConfig();
            if (parse.GetValue(postgres) is { } cs) config = config with { Store = new() { Provider = "postgres", ConnectionString = cs } };
            if (parse.GetValue(postgresEnv) is { } env) config = config with { Store = new() { Provider = "postgres", ConnectionStringEnv = env } };
            if (parse.GetValue(noModel)) config = config with { Screening = config.Screening with { Mode = "none" }, Analysis = new() { Mode = "none" } };
            await using var workspace = await Workspace.InitAsync(parse.GetValue(directory)!.FullName, config, ct);
            Console.Out.WriteLine($"workspace created: {workspace.Directory} ({workspace.Database.Description})");
            return 0;
        }));
        return command;
    }
}
