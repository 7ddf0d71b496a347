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
        var command = new Command("import", "Import human work from JSONL or CSV files keyed by source id.");
        command.Subcommands.Add(Build("annotations", "Reverse engineering: source_id, annotator, query, thought (optional genre, specialised, accept_draft). Ready, drafted or revise items become annotated.",
            (workspace, path, ct) => new AnnotationImporter(workspace.Items).ImportAsync(path, null, ct)));
        command.Subcommands.Add(Build("scores", "Six-dimension scores: source_id, scorer, article_quality, article_creativity, query_quality, query_creativity, thought_quality, thought_creativity (1–10); the gate moves annotated items to scored or revise.",
            (workspace, path, ct) => new ScoreImporter(workspace.Items, new ScoreGate(workspace.Config.Gate.MinimumTotal, workspace.Config.Gate.MinimumEach)).ImportAsync(path, null, ct)));
        return command;
    }

    private static Command Build(string name, string description, Func<Curation.Workspace, string, CancellationToken, Task<ImportReport>> import)
    {
        var command = new Command(name, description);
        var workspaceOption = WorkspaceOption.Create();
        var file = new Argument<FileInfo>("file") { Description = "JSONL or CSV file." };
        var format = CommonOptions.Format("text", "text", "json");
        command.Arguments.Add(file);
        command.Options.Add(workspaceOption);
        command.Options.Add(format);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var report = await import(workspace, parse.GetValue(file)!.FullName, ct);
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
