using System.CommandLine;
using System.Text.Json;
using Inkstone.Curation.Exchange;
using Inkstone.Model;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone import annotations|scores</c>: human reverse engineering and six-dimension scores from files.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import human work from JSONL or CSV files keyed by source id: annotations, scores, publication dates of held items.");
        command.Subcommands.Add(Build("annotations", "Reverse engineering: source_id, annotator, query, thought (optional genre, specialised, accept_draft). Ready, drafted or revise items become annotated.",
            (workspace, path, ct) => new AnnotationImporter(workspace.Items).ImportAsync(path, null, ct)));
        command.Subcommands.Add(Build("scores", "Six-dimension scores: source_id, scorer, article_quality, article_creativity, query_quality, query_creativity, thought_quality, thought_creativity (1–10); the gate moves annotated items to scored or revise.",
            (workspace, path, ct) => new ScoreImporter(workspace.Items, new ScoreGate(workspace.Config.Gate.MinimumTotal, workspace.Config.Gate.MinimumEach)).ImportAsync(path, null, ct)));
        command.Subcommands.Add(Dates());
        return command;
    }

    private static Command Dates()
    {
        var by = new Option<string?>("--by") { Description = "Who checked the dates, for records without a 'by' field (recorded in the audit)." };
        var command = Build("dates", "Publication dates for held items: source_id, published_at, by (who checked it). The date gate re-applies: on or after ingest.published_on_or_after → ingested, before it → rejected(date).",
            (workspace, path, parse, ct) => new PublishedDateImporter(workspace.Items, workspace.Config.Ingest.PublishedOnOrAfter).ImportAsync(path, parse.GetValue(by), null, ct));
        command.Options.Add(by);
        return command;
    }

    /// <summary>A verb that imports one JSONL or CSV file into the workspace and renders the import report.</summary>
    internal static Command Build(string name, string description, Func<Curation.Workspace, string, CancellationToken, Task<ImportReport>> import) =>
        Build(name, description, (workspace, path, _, ct) => import(workspace, path, ct));

    private static Command Build(string name, string description, Func<Curation.Workspace, string, ParseResult, CancellationToken, Task<ImportReport>> import)
    {
        var command = new Command(name, description);
        var workspaceOption = WorkspaceOption.Create();
        var file = new Argument<FileInfo>("file") { Description = "JSONL or CSV file." };
        var format = CommonOptions.Format();
        command.Arguments.Add(file);
        command.Options.Add(workspaceOption);
        command.Options.Add(format);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var report = await import(workspace, parse.GetValue(file)!.FullName, parse, ct);
            return Render(report, parse.GetValue(format) == "json");
        }));
        return command;
    }

    internal static int Render(ImportReport report, bool json)
    {
        if (json) { Console.Out.WriteLine(JsonSerializer.Serialize(report, CliJson.Indented)); return 0; }
        Console.Out.WriteLine($"records: {report.Records:N0}; applied: {(report.Applied.Count == 0 ? "none" : string.Join(", ", report.Applied.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}")))}; already applied: {report.AlreadyApplied:N0}; errors: {report.Errors.Count:N0}");
        foreach (var e in report.Errors.Take(50)) Console.Out.WriteLine($"  {e}");
        return 0;
    }
}
