using System.CommandLine;
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
        var workspaceOption = new Option<DirectoryInfo?>("--workspace", "-w") { Description = "Workspace folder to create (must not be a workspace yet); default: a new temporary folder." };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = $"Folder with {Articles} and optionally {Annotations}, {Scores}, {Decisions}; default: samples/sources next to the program or above the current folder." };
        command.Options.Add(workspaceOption);
        command.Options.Add(samples);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            var source = parse.GetValue(samples)?.FullName ?? FindSamples()
                ?? throw new InvalidOperationException("samples/sources not found; pass --samples DIR");
            var articles = Path.Combine(source, Articles);
            if (!File.Exists(articles)) throw new FileNotFoundException($"{articles}: missing", articles);
            var directory = parse.GetValue(workspaceOption)?.FullName ?? Directory.CreateTempSubdirectory("inkstone-demo-").FullName;
            await RunAsync(directory, source, ct);
            return 0;
        }));
        return command;
    }

    private static async Task RunAsync(string directory, string source, CancellationToken ct)
    {
        var model = WorkspaceOption.ModelFactory(new WorkspaceConfig());
        var config = model is null ? new WorkspaceConfig { Screening = new() { Mode = "none" }, Analysis = new() { Mode = "none" } } : new WorkspaceConfig();
        await using var workspace = await Workspace.InitAsync(directory, config, ct);
        Console.Out.WriteLine($"workspace: {workspace.Directory} ({workspace.Database.Description})");
        if (model is null) Console.Out.WriteLine("no model configured: screening and analysis set to 'none'; model drafts and model scores are skipped; the sample human work stands in");

        Section($"ingest {Articles}");
        IngestCommand.Print(await IngestCommand.Run(workspace, [Path.Combine(source, Articles)], null, 1, false, ct, quiet: true));
        Section("run");
        RunCommand.Print(await RunCommand.Run(workspace, null, null, 4, ct, quiet: true));

        if (Optional(source, Annotations) is { } annotations)
        {
            Section($"import annotations {Annotations}");
            ImportCommand.Render(await new AnnotationImporter(workspace.Items).ImportAsync(annotations, null, ct), json: false);
        }

        if (Optional(source, Scores) is { } scores)
        {
            Section($"import scores {Scores} (gate: total ≥ {config.Gate.MinimumTotal}, each ≥ {config.Gate.MinimumEach})");
            ImportCommand.Render(await new ScoreImporter(workspace.Items, new Model.ScoreGate(config.Gate.MinimumTotal, config.Gate.MinimumEach)).ImportAsync(scores, null, ct), json: false);
        }

        Section("run");
        RunCommand.Print(await RunCommand.Run(workspace, null, null, 4, ct, quiet: true));

        var review = new ReviewService(workspace.Items, config.Review);
        if (Optional(source, Decisions) is { } decisions)
        {
            var reviewers = await ReviewersAsync(decisions, ct);
            Section($"review assign --reviewers {string.Join(',', reviewers)}");
            var assigned = await review.AssignAsync(reviewers, null, null, ct);
            Console.Out.WriteLine($"assigned: {assigned.Assigned:N0} triplets ({string.Join(", ", assigned.AssignmentsPerReviewer.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))})");
            foreach (var p in assigned.Problems) Console.Out.WriteLine($"  {p}");
            Section($"review import {Decisions}");
            ImportCommand.Render(await review.ImportDecisionsAsync(decisions, null, ct), json: false);
        }

        var exported = Path.Combine(workspace.Directory, Export);
        Section($"export -o {exported}");
        var (count, _) = await ExportCommand.Run(workspace, exported, "jsonl", ct);
        Console.Out.WriteLine($"{count:N0} accepted triplets written");
        if (count > 0)
        {
            Section($"stats {exported} --by genre (table only)");
            var report = await DatasetStatisticsService.ComputeAsync(exported, DatasetReadOptions.Default, new DatasetStatisticsOptions(), null, p => Console.Error.WriteLine(p), ct);
            StatsConsoleRenderer.Write(report, StatisticsGrouping.Genre, han: false, tableOnly: true);
        }

        Section("status");
        StatusCommand.Print(await new CurationStatusService(workspace.Items).ComputeAsync(config.Review.MinimumPerGenre, ct));
        Console.Out.WriteLine();
        Console.Out.WriteLine($"The workspace is kept at {workspace.Directory}. Try:");
        Console.Out.WriteLine($"  inkstone status -w {workspace.Directory} --format json");
        Console.Out.WriteLine($"  inkstone export -w {workspace.Directory} -o accepted.parquet");
        Console.Out.WriteLine($"  inkstone stats {exported}");
        Console.Out.WriteLine($"  inkstone release -w {workspace.Directory} --id src-027 --published-at 2023-05-01T00:00:00+08:00 --by you");
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
