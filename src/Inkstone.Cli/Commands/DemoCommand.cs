using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;
using Inkstone.Curation.Exchange;
using Inkstone.Curation.Review;
using Inkstone.Datasets;
using Inkstone.Statistics;

namespace Inkstone.Cli.Commands;

/// <summary>
/// <c>inkstone demo</c>: the whole curation method on the bundled samples in a fresh workspace — ingest, the stages the
/// configuration allows, the sample human work (annotations, scores, review decisions), export, stats and status.
/// </summary>
public static class DemoCommand
{
    /// <summary>Sample files in the samples folder; every one but the articles is optional.</summary>
    public const string Articles = "articles.jsonl", Annotations = "annotations.jsonl", Scores = "scores.jsonl", Decisions = "review-decisions.jsonl", Export = "accepted.jsonl";

    public static Command Create()
    {
        var command = new Command("demo", "Fresh workspace from samples/sources: ingest, every stage the configuration allows, the sample annotations, scores and review decisions, export of accepted triplets, then stats and status.");
        var workspaceOption = new Option<DirectoryInfo?>("--workspace", "-w") { Description = "Workspace folder to create (must not be a workspace yet; its parent must exist); default: a new temporary folder." }.OutputFolder();
        var from = new Option<DirectoryInfo?>("--from") { Description = $"Folder with {Articles} and optionally {Annotations}, {Scores}, {Decisions}; default: samples/sources next to the program or above the current folder." }.ExistingFolders();
        var format = CommonOptions.Format();
        command.Options.Add(workspaceOption);
        command.Options.Add(from);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(from)?.FullName ?? FindSamples()
                ?? throw new CliInputException("samples/sources not found next to the program or above the current folder; pass --from DIR");
            var articles = Path.Combine(source, Articles);
            if (!File.Exists(articles)) throw new CliInputException($"{articles}: no such file (--from names a folder holding {Articles})");
            var directory = parse.GetValue(workspaceOption)?.FullName ?? Directory.CreateTempSubdirectory("inkstone-demo-").FullName;
            if (File.Exists(Path.Combine(directory, WorkspaceConfig.FileName)))
                throw new CliInputException($"{directory}: is a workspace already; the demo needs a new folder");
            var json = parse.GetValue(format) == "json";
            var result = await RunAsync(directory, source, json ? TextWriter.Null : Console.Out, ct);
            if (json) Console.Out.WriteLine(JsonSerializer.Serialize(result, CliJson.Indented));
            return 0;
        });
        return command;
    }

    /// <summary>The name to print in hints: the launcher sets <c>INKSTONE_COMMAND</c> (e.g. <c>./inkstone</c>).</summary>
    internal static string CommandName => Environment.GetEnvironmentVariable("INKSTONE_COMMAND") is { Length: > 0 } name ? name : "inkstone";

    /// <summary>Commands to try next, runnable as printed.</summary>
    internal static IReadOnlyList<string> Hints(string workspace, string exported)
    {
        var (cli, w) = (CommandName, Quote(workspace));
        return
        [
            $"{cli} status -w {w} --format json",
            $"{cli} items list -w {w} --state ready",
            $"{cli} errors -w {w}",
            $"{cli} export -w {w} -o {Quote(Path.Combine(workspace, "accepted.parquet"))}",
            $"{cli} stats {Quote(exported)}",
            $"{cli} release -w {w} --id src-027 --published-at 2023-05-01T00:00:00+08:00 --by you",
        ];
    }

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '&' or ';') ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'" : path;

    private static async Task<DemoResult> RunAsync(string directory, string source, TextWriter output, CancellationToken ct)
    {
        var model = WorkspaceOption.ModelFactory(new WorkspaceConfig());
        var config = model is null ? new WorkspaceConfig { Screening = new() { Mode = "none" }, Analysis = new() { Mode = "none" } } : new WorkspaceConfig();
        await using var workspace = await Workspace.InitAsync(directory, config, ct);
        var result = new DemoResult { Workspace = workspace.Directory, Model = model is not null };
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Console.Out.WriteLine($"workspace: {workspace.Directory} ({workspace.Database.Description})");
            if (model is null) Console.Out.WriteLine("no model configured: screening and analysis set to 'none'; model drafts and model scores are skipped; the sample human work stands in");

            Section($"ingest {Articles}");
            result.Ingest = await IngestCommand.Run(workspace, [Path.Combine(source, Articles)], null, 1, false, ct, quiet: true);
            IngestCommand.Print(result.Ingest);
            Section("run");
            result.Runs.Add(await RunCommand.Run(workspace, null, null, 4, ct, quiet: true));
            RunCommand.Print(result.Runs[^1]);

            if (Optional(source, Annotations) is { } annotations)
            {
                Section($"import annotations {Annotations}");
                result.Imports[Annotations] = await new AnnotationImporter(workspace.Items).ImportAsync(annotations, null, ct);
                ImportCommand.Render(result.Imports[Annotations], json: false);
            }

            if (Optional(source, Scores) is { } scores)
            {
                Section($"import scores {Scores} (gate: total ≥ {config.Gate.MinimumTotal}, each ≥ {config.Gate.MinimumEach})");
                result.Imports[Scores] = await new ScoreImporter(workspace.Items, new Model.ScoreGate(config.Gate.MinimumTotal, config.Gate.MinimumEach)).ImportAsync(scores, null, ct);
                ImportCommand.Render(result.Imports[Scores], json: false);
            }

            Section("run");
            result.Runs.Add(await RunCommand.Run(workspace, null, null, 4, ct, quiet: true));
            RunCommand.Print(result.Runs[^1]);

            var review = new ReviewService(workspace.Items, config.Review);
            if (Optional(source, Decisions) is { } decisions)
            {
                var reviewers = await ReviewersAsync(decisions, ct);
                Section($"review assign --reviewers {string.Join(',', reviewers)}");
                var assigned = await review.AssignAsync(reviewers, null, null, ct);
                Console.Out.WriteLine($"assigned: {assigned.Assigned:N0} triplets ({string.Join(", ", assigned.AssignmentsPerReviewer.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))})");
                foreach (var p in assigned.Problems) Console.Out.WriteLine($"  {p}");
                Section($"review import {Decisions}");
                result.Imports[Decisions] = await review.ImportDecisionsAsync(decisions, null, ct);
                ImportCommand.Render(result.Imports[Decisions], json: false);
            }

            var exported = Path.Combine(workspace.Directory, Export);
            Section($"export -o {exported}");
            result.Exported = await ExportCommand.Run(workspace, exported, DatasetFormat.Jsonl, ct);
            result.ExportFile = exported;
            Console.Out.WriteLine($"{result.Exported:N0} accepted triplets written");
            // The stats table is written through the console itself: only in the text report.
            if (result.Exported > 0 && !ReferenceEquals(output, TextWriter.Null))
            {
                Section($"stats {exported} --by genre (table only)");
                var report = await DatasetStatisticsService.ComputeAsync(exported, DatasetReadOptions.Default, new DatasetStatisticsOptions(), null, p => Console.Error.WriteLine(p), ct);
                StatsConsoleRenderer.Write(report, StatisticsGrouping.Genre, han: false, tableOnly: true);
            }

            Section("status");
            result.Status = await new CurationStatusService(workspace.Items).ComputeAsync(config.Review.MinimumPerGenre, ct);
            StatusCommand.Print(result.Status);
            result.Next = Hints(workspace.Directory, exported);
            Console.Out.WriteLine();
            Console.Out.WriteLine($"The workspace is kept at {workspace.Directory}. Try:");
            foreach (var hint in result.Next) Console.Out.WriteLine("  " + hint);
        }
        finally
        {
            Console.SetOut(original);
        }

        return result;
    }

    private static void Section(string title)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine($"== {title}");
    }

    private static string? Optional(string folder, string name) => Path.Combine(folder, name) is var path && File.Exists(path) ? path : null;

    /// <summary>The reviewers named in the decisions file, so that assignment matches the decisions the file holds.</summary>
    private static async Task<IReadOnlyList<string>> ReviewersAsync(string path, CancellationToken ct)
    {
        var reviewers = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var record in ExchangeFileReader.ReadAsync(path, ct))
            if (record.Error is null && record.Get("reviewer") is { } reviewer) reviewers.Add(reviewer);
        return [.. reviewers];
    }

    private static string? FindSamples()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "sources");
                if (File.Exists(Path.Combine(candidate, Articles))) return candidate;
            }
        }

        return null;
    }
}
