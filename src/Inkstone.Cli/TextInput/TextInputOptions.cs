using System.CommandLine;
using Inkstone.Cli.Commands;
using Inkstone.Cli.Conventions;

namespace Inkstone.Cli.TextInput;

/// <summary>The input options shared by the <c>text</c> verbs, spelled and documented once.</summary>
public sealed class TextInputOptions
{
    public Argument<FileInfo> File { get; } = new Argument<FileInfo>("file")
    {
        Description = "Input: one text per line, or JSON Lines with --field (UTF-8).",
    }.ExistingFiles();

    public Option<string?> Field { get; } = new("--field") { Description = "JSON Lines input: the field holding the text (e.g. answer)." };

    public Option<string?> IdField { get; } = new("--id-field") { Description = "JSON Lines input: a field identifying each record, echoed in reports." };

    public Option<bool> Strict { get; } = CommonOptions.Strict();

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(File);
        command.Options.Add(Field);
        command.Options.Add(IdField);
        command.Options.Add(Strict);
    }

    public TextRecordReader CreateReader(ParseResult parse) => new()
    {
        Field = parse.GetValue(Field),
        IdField = parse.GetValue(IdField),
        Strict = parse.GetValue(Strict),
    };

    /// <summary>Writes skipped-record messages to standard error (they are also counted in the report).</summary>
    public static void ReportProblems(TextRecordReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var problem in reader.Problems) Console.Error.WriteLine("skipped: " + problem);
    }
}
