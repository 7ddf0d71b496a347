using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;
using Inkstone.Datasets;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone export</c>: accepted triplets in the released dataset layout (JSONL, JSON or Parquet).</summary>
public static class ExportCommand
{
    private static readonly string[] s_dataFormats = ["jsonl", "json", "parquet"];

    public static Command Create()
    {
        var command = new Command("export", "Export accepted triplets (id, query, thought, answer, metadata with genre, the six scores, review_state and provenance) in the dataset format 'inkstone stats' reads.");
        var workspaceOption = WorkspaceOption.Create();
        var output = CommonOptions.Output("File to write (replaced atomically): .jsonl, .json or .parquet, or any name with --data-format.", required: true);
        var dataFormat = new Option<string?>("--data-format") { Description = "jsonl, json or parquet; default: from the output's extension (.jsonl, .json, .parquet)." };
        dataFormat.AcceptOnlyFromAmong(s_dataFormats);
        var format = CommonOptions.Format();
        command.Options.Add(workspaceOption);
        command.Options.Add(output);
        command.Options.Add(dataFormat);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            var chosen = Choose(file.ToString(), parse.GetValue(dataFormat));
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var count = await new TripletExporter(workspace.Items).ExportAsync(file.FullName, chosen, ct);
            var name = chosen.ToString().ToLowerInvariant();
            if (parse.GetValue(format) == "json")
                Console.Out.WriteLine(JsonSerializer.Serialize(new { exported = count, output = file.FullName, data_format = name }, CliJson.Indented));
            else Console.Out.WriteLine($"{count:N0} accepted triplets written to {file.FullName} ({name})");
            return 0;
        });
        return command;
    }

    /// <summary>The data format: <paramref name="dataFormat"/>, else the output's extension; any other extension is an input error.</summary>
    internal static DatasetFormat Choose(string path, string? dataFormat) => dataFormat switch
    {
        "json" => DatasetFormat.Json,
        "parquet" => DatasetFormat.Parquet,
        "jsonl" => DatasetFormat.Jsonl,
        _ => Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => DatasetFormat.Jsonl,
            ".json" => DatasetFormat.Json,
            ".parquet" => DatasetFormat.Parquet,
            var other => throw new CliInputException(
                $"{path}: {(other.Length == 0 ? "no extension" : $"'{other}' is no dataset format")}; export writes jsonl, json or parquet: "
                + "name the file .jsonl, .json or .parquet, or give --data-format"),
        },
    };

    internal static Task<long> Run(Workspace workspace, string path, DatasetFormat format, CancellationToken cancellationToken) =>
        new TripletExporter(workspace.Items).ExportAsync(path, format, cancellationToken);
}
