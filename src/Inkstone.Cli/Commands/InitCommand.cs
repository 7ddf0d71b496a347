using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone init</c>: creates a workspace (inkstone.json and the database).</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Create a workspace: inkstone.json and a SQLite file (default) or a PostgreSQL schema; migrations are applied.");
        var directory = new Argument<DirectoryInfo>("directory") { Description = "Workspace folder (created when missing; its parent must exist).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        directory.Validators.Add(r => { foreach (var t in r.Tokens) if (PathValidation.OutputFolderProblem(t.Value) is { } m) r.AddError(m); });
        var postgres = new Option<string?>("--postgres") { Description = "Use PostgreSQL with this Npgsql connection string instead of SQLite." };
        var postgresEnv = new Option<string?>("--postgres-env") { Description = "Use PostgreSQL with the connection string in this environment variable (keeps passwords out of inkstone.json)." };
        var noModel = new Option<bool>("--no-model") { Description = "Configure screening and analysis as 'none' so that items reach annotation without a model." };
        command.Arguments.Add(directory);
        command.Options.Add(postgres);
        command.Options.Add(postgresEnv);
        command.Options.Add(noModel);
        var format = CommonOptions.Format();
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            var config = new WorkspaceConfig();
            if (parse.GetValue(postgres) is { } cs) config = config with { Store = new() { Provider = "postgres", ConnectionString = cs } };
            if (parse.GetValue(postgresEnv) is { } env) config = config with { Store = new() { Provider = "postgres", ConnectionStringEnv = env } };
            if (parse.GetValue(noModel)) config = config with { Screening = config.Screening with { Mode = "none" }, Analysis = new() { Mode = "none" } };
            var folder = parse.GetValue(directory)!;
            if (File.Exists(folder.FullName)) throw new CliInputException($"{folder}: is a file, not a folder");
            if (File.Exists(Path.Combine(folder.FullName, WorkspaceConfig.FileName)))
                throw new CliInputException($"{folder}: is a workspace already ({WorkspaceConfig.FileName} exists); nothing changed");
            await using var workspace = await Workspace.InitAsync(folder.FullName, config, ct);
            var modelStages = config.Screening.Mode == "none" ? "none (items reach annotation without a model)" : "need a model (inkstone.json 'llm' section)";
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    workspace = workspace.Directory, store = workspace.Database.Description,
                    screening = config.Screening.Mode, analysis = config.Analysis.Mode,
                }, CliJson.Indented));
            }
            else
            {
                Console.Out.WriteLine($"workspace created: {workspace.Directory} ({workspace.Database.Description})");
                Console.Out.WriteLine($"screening and analysis: {modelStages}");
            }

            return 0;
        });
        return command;
    }
}
