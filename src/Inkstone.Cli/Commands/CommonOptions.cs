using System.CommandLine;
using Inkstone.Cli.Conventions;
using Inkstone.Taxonomy;

namespace Inkstone.Cli.Commands;

/// <summary>Options shared by several verbs, so that they are spelled and documented once (docs/cli.md).</summary>
public static class CommonOptions
{
    /// <summary>The report formats of every verb: <c>text</c> for people (default) and <c>json</c> for programs.</summary>
    public static readonly string[] ReportFormats = ["text", "json"];

    /// <summary>The report formats of verbs that print tables: also Markdown and CSV.</summary>
    public static readonly string[] TableFormats = ["text", "json", "md", "csv"];

    /// <summary><c>--taxonomy FILE</c>, checked when the command line is parsed (a bad file is a usage error even where a verb would not need it).</summary>
    public static Option<FileInfo?> Taxonomy()
    {
        var option = new Option<FileInfo?>("--taxonomy")
        {
            Description = "Genre taxonomy JSON file replacing the built-in 51-genre taxonomy (see docs/taxonomy.md).",
        }.ExistingFiles();
        option.Validators.Add(result =>
        {
            if (result.Errors.Any() || result.Tokens.Count == 0 || !File.Exists(result.Tokens[0].Value)) return;
            try
            {
                GenreTaxonomy.Load(result.Tokens[0].Value);
            }
            catch (Exception e) when (e is TaxonomyFormatException or IOException or UnauthorizedAccessException)
            {
                result.AddError(e.Message.Contains(result.Tokens[0].Value, StringComparison.Ordinal) ? e.Message : $"{result.Tokens[0].Value}: {e.Message}");
            }
        });
        return option;
    }

    /// <summary>
    /// <c>--tokenizer PATH</c>, read by <see cref="Text.Lengths.HuggingFaceBpeTokenCounter.LoadAsync"/>;
    /// <paramref name="whenAbsent"/>, if given, ends the help text.
    /// </summary>
    public static Option<FileSystemInfo?> Tokenizer(string? whenAbsent = null) => new("--tokenizer")
    {
        Description = "Hugging Face byte-level BPE tokenizer (Qwen2 style): a folder with tokenizer.json or vocab.json + merges.txt, or a tokenizer.json file."
            + (whenAbsent is null ? "" : " " + whenAbsent),
    };

    /// <summary><c>--format</c>: the report format, text (default) or json; with <paramref name="tables"/> also md and csv.</summary>
    public static Option<string> Format(bool tables = false)
    {
        var allowed = tables ? TableFormats : ReportFormats;
        var option = new Option<string>("--format")
        {
            Description = $"Report format: {string.Join(", ", allowed)} (default text).",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    /// <summary><c>-o/--output FILE</c>: where the verb writes its result (the folder must exist).</summary>
    public static Option<FileInfo> Output(string description, bool required) =>
        new Option<FileInfo>("--output", "-o") { Description = description, Required = required }.OutputFile();

    /// <summary><c>-o/--output DIR</c>: the folder the verb writes into (created when missing; its parent must exist).</summary>
    public static Option<DirectoryInfo> OutputFolder(string description, bool required) =>
        new Option<DirectoryInfo>("--output", "-o") { Description = description, Required = required }.OutputFolder();

    /// <summary><c>--strict</c>: stop at the first problem in an input record instead of reporting it and going on.</summary>
    public static Option<bool> Strict(string? description = null) => new("--strict")
    {
        Description = description ?? "Stop with exit code 2 at the first problem in an input record (default: report every problem, go on with the valid records, exit 1).",
    };

    public static GenreTaxonomy LoadTaxonomy(FileInfo? file) => file is null ? GenreTaxonomy.Default : GenreTaxonomy.Load(file.FullName);
}
