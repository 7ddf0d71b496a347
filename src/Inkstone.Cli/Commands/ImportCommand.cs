using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Curation.Exchange;
using Inkstone.Model;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone import annotations|scores|dates</c>: human reverse engineering, six-dimension scores and publication dates from files.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import human work from JSONL or CSV files keyed by source id: annotations, scores, publication dates of held items.");
        command.Subcommands.Add(Build("annotations", "Reverse engineering: source_id, annotator, query, thought (optional genre, specialised, accept_draft; other columns are ignored, so a filled-in 'inkstone items export-tasks' file reads back). Ready, drafted or revise items become annotated.",
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
        var file = new Argument<FileInfo>("file") { Description = "JSONL or CSV file (CSV when the name ends in .csv)." }.ExistingFiles();
        var format = CommonOptions.Format();
        var strict = CommonOptions.Strict(
            "Stop with exit code 2 at the first rejected row, before importing anything (default: import the valid rows, report every rejected one, exit 1).");
        command.Arguments.Add(file);
        command.Options.Add(workspaceOption);
        command.Options.Add(format);
        command.Options.Add(strict);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var path = parse.GetValue(file)!.FullName;
            if (parse.GetValue(strict)) await CheckRowsAsync(path, ct);
            var report = await import(workspace, path, parse, ct);
            if (parse.GetValue(strict) && report.Errors.Count > 0)
                throw new CliInputException($"--strict: {report.Errors[0]} ({report.Errors.Count:N0} rows rejected; the valid rows were imported)");
            return Render(report, parse.GetValue(format) == "json", parse.GetValue(file)!.ToString());
        });
        return command;
    }

    /// <summary>--strict: a row that cannot be read stops the import before anything is written.</summary>
    private static async Task CheckRowsAsync(string path, CancellationToken ct)
    {
        await foreach (var record in ExchangeFileReader.ReadAsync(path, ct))
            if (record.Error is not null) throw new CliInputException($"--strict: {record.Location}: {record.Error}; nothing imported");
    }

    /// <summary>Prints the report; the exit code is 1 when any row was rejected or the file held no record.</summary>
    internal static int Render(ImportReport report, bool json, string file = "")
    {
        ArgumentNullException.ThrowIfNull(report);
        if (json) Console.Out.WriteLine(JsonSerializer.Serialize(report, CliJson.Indented));
        else
        {
            Console.Out.WriteLine($"records: {report.Records:N0}; applied: {(report.Applied.Count == 0 ? "none" : string.Join(", ", report.Applied.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}")))}; already applied: {report.AlreadyApplied:N0}; rejected: {report.Errors.Count:N0}");
            var problems = new ProblemPrinter(Console.Error, "fix the rows named and import the file again");
            foreach (var e in report.Errors) problems.Print($"  {e}");
            problems.PrintOmitted();
        }

        if (report.Records == 0)
        {
            Console.Error.WriteLine($"{(file.Length == 0 ? "the file" : file)}: no records (empty file, or only a header): nothing imported");
            return ExitCodes.Rejected;
        }

        return ExitCodes.FromRejections(report.Errors.Count);
    }
}
