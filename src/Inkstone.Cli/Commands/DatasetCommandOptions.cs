using System.CommandLine;
using Inkstone.Datasets;

namespace Inkstone.Cli.Commands;

/// <summary>The options of verbs that read a dataset file, spelled and documented once.</summary>
public sealed class DatasetCommandOptions
{
    public Argument<FileInfo> Dataset { get; } = new("DATASET") { Description = "Dataset file: JSON array, JSON Lines or Parquet (detected from content)." };

    public Option<string?> InputFormat { get; } = new("--input-format")
    {
        Description = "Read the file as json, jsonl or parquet instead of detecting the format from its content.",
    };

    public Option<bool> Strict { get; } = new("--strict") { Description = "Stop with exit code 1 at the first problem (warnings included)." };

    public Option<FileInfo?> Rejects { get; } = new("--rejects") { Description = "Write rejected records (raw text, location, reasons) to this JSON Lines file." };

    public Option<bool> RequireGenre { get; } = new("--require-genre") { Description = "Reject records without a genre (by default they are accepted as unassigned)." };

    public Option<FileInfo?> Taxonomy { get; } = CommonOptions.Taxonomy();

    public DatasetCommandOptions() => InputFormat.AcceptOnlyFromAmong("json", "jsonl", "parquet");

    public void AddTo(Command command)
    {
        command.Arguments.Add(Dataset);
        command.Options.Add(InputFormat);
        command.Options.Add(Strict);
        command.Options.Add(Rejects);
        command.Options.Add(RequireGenre);
        command.Options.Add(Taxonomy);
    }

    /// <summary>The dataset file, or null after writing "PATH: file not found" to standard error.</summary>
    public FileInfo? ExistingDataset(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var file = parse.GetValue(Dataset)!;
        if (file.Exists) return file;
        Console.Error.WriteLine($"{file.FullName}: file not found");
        return null;
    }

    public DatasetReadOptions ReadOptions(ParseResult parse) => new()
    {
        Format = parse.GetValue(InputFormat) switch
        {
            "json" => DatasetFormat.Json,
            "jsonl" => DatasetFormat.Jsonl,
            "parquet" => DatasetFormat.Parquet,
            _ => null,
        },
        Strict = parse.GetValue(Strict),
        RequireGenre = parse.GetValue(RequireGenre),
        Taxonomy = CommonOptions.LoadTaxonomy(parse.GetValue(Taxonomy)),
    };
}
