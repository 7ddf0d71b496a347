using System.CommandLine;
using Inkstone.Cli.Conventions;
using Inkstone.Datasets;

namespace Inkstone.Cli.Commands;

/// <summary>The options of verbs that read a dataset file, spelled and documented once.</summary>
public sealed class DatasetCommandOptions
{
    public Argument<FileInfo> Dataset { get; } = new Argument<FileInfo>("DATASET")
    {
        Description = "Dataset file: JSON array, JSON Lines or Parquet (detected from content).",
    }.ExistingFiles();

    public Option<string?> InputFormat { get; } = new("--input-format")
    {
        Description = "Read the file as json, jsonl or parquet instead of detecting the format from its content.",
    };

    public Option<bool> Strict { get; } = CommonOptions.Strict("Stop with exit code 2 at the first problem (warnings included).");

    public Option<FileInfo?> Rejects { get; } = new Option<FileInfo?>("--rejects")
    {
        Description = "Write rejected records (raw text, location, reasons) to this JSON Lines file.",
    }.OutputFile();

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

    /// <summary>
    /// The dataset file, checked to be one: when no <c>--input-format</c> is given, content that is neither Parquet nor
    /// starts with '[' or '{' is not a dataset, an input error naming the path (exit 2) rather than every line rejected.
    /// </summary>
    public async Task<FileInfo> DatasetFileAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var file = parse.GetValue(Dataset)!;
        if (parse.GetValue(InputFormat) is null
            && await DatasetFormatDetector.DescribeUnrecognisedAsync(file.FullName, cancellationToken).ConfigureAwait(false) is { } what)
            throw new CliInputException($"{file}: not a dataset file (JSON array, JSON Lines or Parquet): {what}");
        return file;
    }

    /// <summary>
    /// The exit code for a finished read: file-level errors (a truncated array, a UTF-16 file, an unreadable Parquet
    /// file) are input errors (2), rejected records 1, otherwise 0.
    /// </summary>
    public static int ExitCode(DatasetReadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.FileErrors > 0 ? ExitCodes.InputError : summary.Rejected > 0 ? ExitCodes.Rejected : ExitCodes.Success;
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
