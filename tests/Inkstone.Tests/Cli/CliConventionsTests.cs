using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Inkstone.Cli;

namespace Inkstone.Tests.Cli;

/// <summary>
/// Walks the whole command tree of <see cref="CliApp.CreateRootCommand"/> and holds every verb to the rules of
/// docs/cli.md: descriptions, <c>--format</c> values, option names and types, <c>--strict</c> on record readers,
/// and <c>--help</c>. Each rule is a theory over the verbs, so a failure names the verb that breaks it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class CliConventionsTests
{
    /// <summary>Verbs without <c>--format</c>, each with the reason. Nothing else may leave it out.</summary>
    private static readonly Dictionary<string, string> s_formatExemptions = new(StringComparer.Ordinal)
    {
        ["text segment"] = "its only output is data (tokens), whose format is --data-format jsonl|text",
        ["serve"] = "a server: it reports nothing but where it listens (stderr) until stopped",
    };

    /// <summary>
    /// Verbs that read records from files the user gives (datasets, JSON Lines, CSV, texts, judgments, queries,
    /// generations, imports): each must take <c>--strict</c>. Verbs that read only a workspace or a configuration are not here.
    /// </summary>
    private static readonly string[] s_recordReadingVerbs =
    [
        "stats", "report dataset", "validate", "ingest", "import annotations", "import scores", "import dates", "review import",
        "eval queries", "eval generate", "eval judge", "eval assign", "eval import", "eval report",
        "train plan", "train export", "text segment", "text ttr", "text lengths", "text dedup",
    ];

    private static readonly string[] s_reportFormats = ["text", "json"];
    private static readonly string[] s_tableFormats = ["text", "json", "md", "csv"];

    private static readonly RootCommand s_root = CliApp.CreateRootCommand();

    public static TheoryData<string> Commands => [.. Walk(s_root).Select(c => c.Path)];

    public static TheoryData<string> LeafVerbs => [.. Walk(s_root).Where(c => c.Command.Subcommands.Count == 0).Select(c => c.Path)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommand_HasADescription(string path) =>
        Assert.False(string.IsNullOrWhiteSpace(Find(path).Description), $"'{path}' has no description");

    [Theory]
    [MemberData(nameof(LeafVerbs))]
    public void LeafVerb_HasReportFormat_TextOrJson_OrWithTablesMdAndCsv_DefaultText(string path)
    {
        var command = Find(path);
        var format = command.Options.SingleOrDefault(o => o.Name == "--format");
        if (s_formatExemptions.ContainsKey(path))
        {
            Assert.Null(format);
            return;
        }
        Assert.True(format is not null, $"'{path}' has no --format (docs/cli.md: every verb that reports anything has --format json)");
        Assert.Equal(typeof(string), format.ValueType);
        Assert.Equal("text", format.GetDefaultValue());
        var offered = format.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Order(StringComparer.Ordinal).ToArray();
        Assert.True(offered.SequenceEqual(s_reportFormats.Order(StringComparer.Ordinal)) || offered.SequenceEqual(s_tableFormats.Order(StringComparer.Ordinal)),
            $"'{path} --format' offers {string.Join("|", offered)}; expected text|json or text|json|md|csv");
        // The values offered are also the only ones accepted.
        foreach (var value in offered) Assert.Empty(FormatErrors(path, format, value));
        foreach (var value in new[] { "table", "jsonl", "markdown", "bogus" }) Assert.NotEmpty(FormatErrors(path, format, value));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Options_FollowTheNamingConventions(string path)
    {
        foreach (var option in Find(path).Options)
        {
            var names = option.Aliases.Prepend(option.Name).ToList();
            Assert.False(names.Contains("--out"), $"'{path}' has --out; the output option is -o/--output");
            if (option.Name == "--output") Assert.True(option.Aliases.Contains("-o"), $"'{path} --output' has no alias -o");
            else Assert.False(names.Contains("-o"), $"'{path}': -o is the alias of --output only, not of {option.Name}");
            if (option.Name == "--workspace" || names.Contains("-w"))
            {
                Assert.Equal("--workspace", option.Name);
                Assert.True(option.Aliases.Contains("-w"), $"'{path} --workspace' has no alias -w");
                Assert.True(option.ValueType == typeof(DirectoryInfo), $"'{path} --workspace' is {option.ValueType.Name}; it must be the workspace folder (DirectoryInfo)");
            }
            if (option.Name == "--config")
                Assert.True(option.ValueType == typeof(FileInfo), $"'{path} --config' is {option.ValueType.Name}; it must be an inkstone.json file (FileInfo)");
            if (option.Name == "--model")
                Assert.True(option.ValueType == typeof(string), $"'{path} --model' is {option.ValueType.Name}; it must name a configured model (string)");
            Assert.True(option.Name is not ("--data-format" or "--input-format") || option.ValueType == typeof(string), $"'{path} {option.Name}' must be a string");
        }
    }

    [Theory]
    [MemberData(nameof(LeafVerbs))]
    public void RecordReadingVerb_HasStrict(string path)
    {
        if (!s_recordReadingVerbs.Contains(path)) return;
        var strict = Find(path).Options.SingleOrDefault(o => o.Name == "--strict");
        Assert.True(strict is not null, $"'{path}' reads records but has no --strict");
        Assert.Equal(typeof(bool), strict.ValueType);
    }

    [Fact]
    public void ListsOfVerbs_NameOnlyVerbsThatExist()
    {
        var leaves = Walk(s_root).Where(c => c.Command.Subcommands.Count == 0).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        Assert.All(s_recordReadingVerbs.Concat(s_formatExemptions.Keys), v => Assert.Contains(v, leaves));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_ExitsZero_AndPrintsTheDescription(string path)
    {
        var args = path.Length == 0 ? new[] { "--help" } : [.. path.Split(' '), "--help"];
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(0, result.Exit);
        // Help wraps long descriptions: compare with runs of white space folded.
        Assert.Contains(Fold(Find(path).Description!), Fold(result.Output), StringComparison.Ordinal);
    }

    private static IEnumerable<ParseError> FormatErrors(string path, Option format, string value) =>
        s_root.Parse([.. path.Split(' '), "--format", value]).Errors.Where(e => e.SymbolResult is OptionResult r && r.Option == format);

    private static Command Find(string path)
    {
        Command command = s_root;
        if (path.Length == 0) return command;
        foreach (var name in path.Split(' ')) command = command.Subcommands.Single(c => c.Name == name);
        return command;
    }

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path = "")
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
            foreach (var item in Walk(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name))
                yield return item;
    }

    private static string Fold(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
