using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Rendering;
using Inkstone.Curation.Items;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone errors</c>: the workspace's ingest errors and its quarantined items, each with its full reason.</summary>
public static class ErrorsCommand
{
    /// <summary>Ingest errors listed at most (the workspace keeps all of them).</summary>
    private const int MaxIngestErrors = 100_000;

    public static Command Create()
    {
        var command = new Command("errors", "Everything that went wrong, with its full reason: ingest errors (file, record, field, message) and quarantined items (stage, kind, reason; a re-run of the stage retries them).");
        var workspaceOption = WorkspaceOption.Create();
        var format = CommonOptions.Format(tables: true);
        command.Options.Add(workspaceOption);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var ingest = await workspace.Items.ListIngestErrorsAsync(MaxIngestErrors, ct);
            var total = await workspace.Items.CountIngestErrorsAsync(null, ct);
            var quarantined = await new ItemQueryService(workspace.Items).QuarantinedAsync(null, ct);
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    ingest_errors = ingest.Select(e => new { file = e.Location.File, record = e.Location.Record, field = e.Field, message = e.Message }),
                    ingest_errors_total = total,
                    quarantined,
                }, CliJson.Indented));
                return 0;
            }

            var tables = new List<ReportTable>
            {
                new("ingest errors", ["file", "record", "field", "message"],
                    [.. ingest.Select(e => (IReadOnlyList<string>)[e.Location.File, e.Location.Record, e.Field ?? "", e.Message])]),
                new("quarantined items", ["id", "stage", "kind", "reason"],
                    [.. quarantined.Select(q => (IReadOnlyList<string>)[q.Id, q.Stage, q.Kind, q.Reason])]),
            };
            var notes = new List<string>();
            if (total > ingest.Count) notes.Add($"first {ingest.Count:N0} of {total:N0} ingest errors shown");
            if (total == 0 && quarantined.Count == 0) notes.Add("no ingest errors and no quarantined items");
            else if (quarantined.Count > 0) notes.Add("quarantined items are retried by the next 'inkstone run' of their stage");
            ReportTableOutput.Write(Console.Out, tables, parse.GetValue(format)!, notes);
            return 0;
        });
        return command;
    }
}
