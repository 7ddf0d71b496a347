using System.CommandLine;
using Inkstone.Taxonomy;

namespace Inkstone.Cli.Commands;

/// <summary>Options shared by several verbs, so that they are spelled and documented once.</summary>
public static class CommonOptions
{
    public static Option<FileInfo?> Taxonomy() => new("--taxonomy")
    {
        Description = "Genre taxonomy JSON file replacing the built-in 51-genre taxonomy (see docs/taxonomy.md).",
    };

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", allowed)}.",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    public static Option<FileSystemInfo?> Tokenizer() => new("--tokenizer")
    {
        Description = "Hugging Face byte-level BPE tokenizer (Qwen2 style): a folder with tokenizer.json or vocab.json + merges.txt, or a tokenizer.json file.",
    };

    public static GenreTaxonomy LoadTaxonomy(FileInfo? file) => file is null ? GenreTaxonomy.Default : GenreTaxonomy.Load(file.FullName);
}
