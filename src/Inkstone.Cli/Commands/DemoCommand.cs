using System.CommandLine;
using Inkstone.Curation;
using Inkstone.Curation.Exchange;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone demo</c>: the whole curation path on the bundled samples in a fresh workspace.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Fresh workspace from samples/sources: ingest, every stage the configuration allows, the sample annotations (and scores.jsonl when present), then status.");
        var workspaceOption = new Option<DirectoryInfo?>("--workspace", "-w") { Description = "Workspace folder to create (must not be a workspace yet); default: a new temporary folder." };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "Folder with articles.jsonl and annotations.jsonl; default: samples/sources next to the program or above the current folder." };
        command.Options.Add(workspaceOption);
        command.Options.Add(samples);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            var source = parse.GetValue(samples)?.FullName ?? FindSamples()
                ?? throw new InvalidOperationException("samples/sources not found; pass --samples DIR");
            var articles = Path.Combine(source, "articles.jsonl");
            if (!File.Exists(articles)) throw new FileNotFoundException($"{articles}: missing", articles);
            var directory = parse.GetValue(workspaceOption)?.FullName ?? Directory.CreateTempSubdirectory("inkstone-demo-").FullName;
            var model = WorkspaceOption.ModelFactory(new WorkspaceConfig());
            var config = model is null ? new WorkspaceConfig { Screening = new() { Mode = "none" }, Analysis = new() { Mode = "none" } } : new WorkspaceConfig();
            await using var workspace = await Workspace.InitAsync(directory, config, ct);
            Console.Out.WriteLine($"== workspace {workspace.Directory} ({workspace.Database.Description}){(model is null ? "; no model configured: screening and analysis set to 'none'" : "")}");

            Console.Out.WriteLine("== ingest");
            IngestCommand.Print(await IngestCommand.Run(workspace, [articles], null, 1, false, ct));
            Console.Out.WriteLine("== run");
            RunCommand.Print(await RunCommand.Run(workspace, null, null, 4, ct));

            var annotations = Path.Combine(source, "annotations.jsonl");
            if (File.Exists(annotations))
            {
                Console.Out.WriteLine("== import annotations");
                ImportCommand.Render(await new AnnotationImporter(workspace.Items).ImportAsync(annotations, null, ct), json: false);
                var scores = Path.Combine(source, "scores.jsonl");
                if (File.Exists(scores))
                {
                    Console.Out.WriteLine("== import scores");
                    ImportCommand.Render(await new ScoreImporter(workspace.Items, new Model.ScoreGate(config.Gate.MinimumTotal, config.Gate.MinimumEach)).ImportAsync(scores, null, ct), json: false);
                }

                Console.Out.WriteLine("== run");
                RunCommand.Print(await RunCommand.Run(workspace, null, null, 4, ct));
            }

            Console.Out.WriteLine("== status");
            StatusCommand.Print(await new CurationStatusService(workspace.Items).ComputeAsync(config.Review.MinimumPerGenre, ct));
            Console.Out.WriteLine($"workspace kept at {workspace.Directory}: try 'inkstone status -w {workspace.Directory}'");
            return 0;
        }));
        return command;
    }

    private static string? FindSamples()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "sources");
                if (File.Exists(Path.Combine(candidate, "articles.jsonl"))) return candidate;
            }
        }

        return null;
    }
}
