using System.CommandLine;
using Inkstone.Curation;
using Inkstone.Datasets;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone export</c>: accepted triplets in the released dataset layout (JSONL, JSON or Parquet).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Export accepted triplets (id, query, thought, answer, metadata with genre, the six scores, review_state and provenance) in the dataset format 'inkstone stats' reads.");
        var workspaceOption = WorkspaceOption.Create();
        var output = new Option<FileInfo>("--output", "-o") { Description = "File to write (replaced atomically).", Required = true };
        var format = new Option<string?>("--format") { Description = "jsonl, json or parquet; default: from the output's extension (.json, .parquet), else jsonl." };
        format.AcceptOnlyFromAmong("jsonl", "json", "parquet");
        command.Options.Add(workspaceOption);
        command.Options.Add(output);
        command.Options.Add(format);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var path = parse.GetValue(output)!.FullName;
            var (count, chosen) = await Run(workspace, path, parse.GetValue(format), ct);
            Console.Out.WriteLine($"{count:N0} accepted triplets written to {path} ({chosen.ToString().ToLowerInvariant()})");
            return 0;
        }));
        return command;
    }

    internal static async Task<(long Count, DatasetFormat Format)> Run(Workspace workspace, string path, string? format, CancellationToken cancellationToken)
    {
        var chosen = format switch
        {
            "json" => DatasetFormat.Json,
            "parquet" => DatasetFormat.Parquet,
            "jsonl" => DatasetFormat.Jsonl,
            _ => DatasetFormatDetector.FromExtension(path) ?? DatasetFormat.Jsonl,
        };
        return (await new TripletExporter(workspace.Items).ExportAsync(path, chosen, cancellationToken).ConfigureAwait(false), chosen);
    }
}
