using System.CommandLine;
using Inkstone.Cli;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Cli;

/// <summary>
/// Every path a verb takes (found by walking the command tree), given wrong: missing, a folder for a file or a file for
/// a folder, a file of the wrong format, an output in a folder that does not exist. Each must end in exactly one
/// <c>error:</c> line naming the path, exit code 2, and no stack trace (docs/cli.md).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliBadPathTests(CliBadPathTests.Inputs inputs) : IClassFixture<CliBadPathTests.Inputs>
{
    /// <summary>
    /// A valid invocation of each verb (positional arguments first), in which one path at a time is replaced by a bad one.
    /// Placeholders in braces are files the fixture creates; {new-file} and {new-dir} are fresh output paths.
    /// </summary>
    private static readonly Dictionary<string, string> s_valid = new(StringComparer.Ordinal)
    {
        ["taxonomy"] = "",
        ["text segment"] = "{texts}",
        ["text ttr"] = "{texts}",
        ["text lengths"] = "{texts}",
        ["text dedup"] = "{texts}",
        ["stats"] = "{dataset}",
        ["validate"] = "{dataset}",
        ["train plan"] = "--process {dataset} --mix cw=all:0",
        ["train export"] = "--process {dataset} --mix cw=all:0 -o {new-dir}",
        ["eval queries"] = "{queries}",
        ["eval generate"] = "--queries {queries} --models X -o {new-file} --config {config}",
        ["eval judge"] = "--queries {queries} --generations {generations} --models X Y -o {new-file} --config {config}",
        ["eval assign"] = "--queries {queries} --generations {generations} --models X Y --annotators a1 -o {new-dir} --key {new-file}",
        ["eval import"] = "{judgments} -o {new-file}",
        ["eval report"] = "{judgments}",
        ["model list"] = "--config {config}",
        ["model pull"] = "qwen2.5-0.5b-instruct",
        ["model test"] = "--config {config}",
        ["init"] = "{new-dir} --no-model",
        ["ingest"] = "{articles} -w {workspace}",
        ["run"] = "-w {workspace}",
        ["status"] = "-w {workspace}",
        ["import annotations"] = "{annotations} -w {workspace}",
        ["import scores"] = "{scores} -w {workspace}",
        ["import dates"] = "{dates} -w {workspace}",
        ["review assign"] = "--reviewers r1 r2 -w {workspace}",
        ["review export"] = "-o {new-file} -w {workspace}",
        ["review import"] = "{decisions} -w {workspace}",
        ["export"] = "-o {new-file} -w {workspace}",
        ["release"] = "--id x --published-at 2024-01-01 --by me -w {workspace}",
        ["demo"] = "-w {new-dir}",
        ["items list"] = "-w {workspace}",
        ["items show"] = "x -w {workspace}",
        ["items export-tasks"] = "-o {new-file} -w {workspace}",
        ["errors"] = "-w {workspace}",
        ["serve"] = "-w {workspace} --urls http://127.0.0.1:1",
        ["user add"] = "x1 --roles annotator -w {workspace}",
        ["user invite"] = "x1 -w {workspace}",
        ["user list"] = "-w {workspace}",
        ["user disable"] = "x1 -w {workspace}",
        ["user enable"] = "x1 -w {workspace}",
        ["report dataset"] = "{dataset} -o {new-file}",
        ["report curation"] = "-w {workspace} -o {new-file}",
        ["report eval"] = "{judgments} -o {new-file}",
        ["report paper"] = "{judgments} --dataset {dataset} -w {workspace} -o {new-file}",
    };

    /// <summary>Options and arguments that name where a verb writes (everything else with a path type is read).</summary>
    private static readonly HashSet<string> s_outputs = ["--output", "--out", "--rejects", "--per-text", "--write-unique", "--export",
        "eval assign --key", "init directory", "demo --workspace", "--figures"];

    /// <summary>String arguments that are paths (other path symbols are found by their type).</summary>
    private static readonly HashSet<string> s_stringPathArguments = ["sources"];

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (verb, symbol, kind) in PathSymbols())
                foreach (var problem in Problems(kind))
                    data.Add(verb, symbol, problem);
            return data;
        }
    }

    [Fact]
    public void EveryVerb_HasAValidInvocation() =>
        Assert.All(Leaves(CliApp.CreateRootCommand()).Select(l => l.Path), verb => Assert.True(s_valid.ContainsKey(verb), $"no valid invocation of '{verb}' in the table"));

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Cases))]
    public async Task BadPath_OneErrorLineNamingIt_ExitCode2_NoStackTrace(string verb, string symbol, string problem)
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        var bad = inputs.Bad(problem);
        var args = Invocation(verb, symbol, bad);
        var result = await CliRunner.RunAsync(args);
        var shown = $"inkstone {string.Join(' ', args)}\n--- exit {result.Exit}\n{result.All}";
        Assert.True(result.Exit == 2, "exit code is not 2:\n" + shown);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.All, StringComparison.Ordinal);
        var errors = result.Errors.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, $"expected one error line:\n{shown}");
        Assert.True(errors[0].Contains(Path.GetFileName(bad.TrimEnd('/')), StringComparison.Ordinal), "the error does not name the path:\n" + shown);
    }

    private string[] Invocation(string verb, string symbol, string bad)
    {
        var tokens = s_valid[verb].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(inputs.Resolve).ToList();
        var positional = tokens.TakeWhile(t => !t.StartsWith('-')).ToList();
        var options = new List<(string Name, List<string> Values)>();
        foreach (var token in tokens.Skip(positional.Count))
            if (token.StartsWith('-') && !IsNumber(token)) options.Add((token, []));
            else options[^1].Values.Add(token);

        var command = Find(verb);
        if (command.Arguments.FirstOrDefault(a => a.Name == symbol) is { } argument)
        {
            var index = command.Arguments.IndexOf(argument);
            if (index < positional.Count) positional[index] = bad;
            else positional.Add(bad);
        }
        else
        {
            var option = command.Options.Single(o => o.Name == symbol);
            var names = option.Aliases.Append(option.Name).ToHashSet(StringComparer.Ordinal);
            options.RemoveAll(o => names.Contains(o.Name));
            options.Add((option.Name, [bad]));
        }
        return [.. verb.Split(' '), .. positional, .. options.SelectMany(o => o.Values.Prepend(o.Name))];
    }

    private static bool IsNumber(string token) => double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static IEnumerable<string> Problems(string kind) => kind switch
    {
        "input-file" => ["missing-file", "folder-for-file", "wrong-format-file"],
        "input-file-or-folder" => ["missing-file", "wrong-format-file"],
        "input-folder" => ["missing-folder", "file-for-folder"],
        "workspace" => ["missing-folder", "file-for-folder", "not-a-workspace"],
        "output-file" => ["output-in-missing-folder", "folder-for-output-file"],
        "output-folder" => ["output-in-missing-folder", "file-for-output-folder"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static IEnumerable<(string Verb, string Symbol, string Kind)> PathSymbols()
    {
        foreach (var (verb, command) in Leaves(CliApp.CreateRootCommand()))
        {
            foreach (var argument in command.Arguments)
                if (Kind(verb, argument.Name, argument.ValueType) is { } kind) yield return (verb, argument.Name, kind);
            foreach (var option in command.Options)
                if (Kind(verb, option.Name, option.ValueType) is { } kind) yield return (verb, option.Name, kind);
        }
    }

    private static string? Kind(string verb, string name, Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        var output = s_outputs.Contains(name) || s_outputs.Contains($"{verb} {name}");
        if (element == typeof(FileInfo)) return output ? "output-file" : "input-file";
        if (element == typeof(DirectoryInfo))
            return output ? "output-folder" : name == "--workspace" ? "workspace" : "input-folder";
        if (element == typeof(FileSystemInfo) || (element == typeof(string) && s_stringPathArguments.Contains(name))) return "input-file-or-folder";
        return null;
    }

    private static Command Find(string verb)
    {
        Command command = CliApp.CreateRootCommand();
        foreach (var name in verb.Split(' ')) command = command.Subcommands.Single(c => c.Name == name);
        return command;
    }

    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path = "")
    {
        if (command.Subcommands.Count == 0 && path.Length > 0) yield return (path, command);
        foreach (var sub in command.Subcommands)
            foreach (var leaf in Leaves(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name))
                yield return leaf;
    }

    /// <summary>Valid inputs (a workspace among them) and the bad paths, in one temporary folder per test class.</summary>
    public sealed class Inputs : IAsyncLifetime
    {
        private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1];
        private readonly TempDirectory _dir = new();
        private int _fresh;

        public async ValueTask InitializeAsync()
        {
            var samples = Path.Combine(AppContext.BaseDirectory, "samples");
            File.WriteAllLines(_dir.Combine("texts.txt"), ["床前明月光，疑是地上霜。", "The cat saw the cat."]);
            File.WriteAllText(_dir.Combine("queries.jsonl"), "{\"id\":\"q1\",\"language\":\"zh\",\"genre\":\"slogan\",\"query\":\"写一句广告语\"}\n");
            File.WriteAllText(_dir.Combine("generations.jsonl"), string.Concat(new[] { "X", "Y" }.Select(m =>
                $"{{\"query_id\":\"q1\",\"model\":\"{m}\",\"sample\":0,\"answer\":\"answer by {m}\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}}\n")));
            // Nothing listens on port 9: a verb that gets as far as calling a model fails at once.
            File.WriteAllText(_dir.Combine("inkstone.json"), """
                { "llm": { "models": { "X": { "base_url": "http://127.0.0.1:9/v1", "model": "x" }, "Y": { "base_url": "http://127.0.0.1:9/v1", "model": "y" } } } }
                """);
            File.WriteAllText(_dir.Combine("dates.jsonl"), "{\"source_id\":\"none\",\"published_at\":\"2024-01-01\",\"by\":\"me\"}\n");
            File.WriteAllBytes(_dir.Combine("picture.png"), s_png);
            Directory.CreateDirectory(_dir.Combine("a-folder"));
            Directory.CreateDirectory(_dir.Combine("empty-folder"));
            Paths["{dataset}"] = Path.Combine(samples, "coig-writer-sample.jsonl");
            Paths["{judgments}"] = Path.Combine(samples, "judgments", "pairwise.jsonl");
            Paths["{articles}"] = Path.Combine(samples, "sources", "articles.jsonl");
            Paths["{annotations}"] = Path.Combine(samples, "sources", "annotations.jsonl");
            Paths["{scores}"] = Path.Combine(samples, "sources", "scores.jsonl");
            Paths["{decisions}"] = Path.Combine(samples, "sources", "review-decisions.jsonl");
            Paths["{texts}"] = _dir.Combine("texts.txt");
            Paths["{queries}"] = _dir.Combine("queries.jsonl");
            Paths["{generations}"] = _dir.Combine("generations.jsonl");
            Paths["{config}"] = _dir.Combine("inkstone.json");
            Paths["{dates}"] = _dir.Combine("dates.jsonl");
            Paths["{workspace}"] = _dir.Combine("workspace");
            var init = await CliRunner.RunAsync("init", Paths["{workspace}"], "--no-model");
            if (init.Exit != 0) throw new InvalidOperationException("init failed: " + init.All);
        }

        public ValueTask DisposeAsync()
        {
            _dir.Dispose();
            return ValueTask.CompletedTask;
        }

        private Dictionary<string, string> Paths { get; } = new(StringComparer.Ordinal);

        public string Resolve(string token) => token switch
        {
            "{new-file}" => _dir.Combine($"out-{Interlocked.Increment(ref _fresh)}.jsonl"),
            "{new-dir}" => _dir.Combine($"out-dir-{Interlocked.Increment(ref _fresh)}"),
            _ when token.StartsWith('{') => Paths[token],
            _ => token,
        };

        /// <summary>A bad path of the kind named; missing ones are fresh each time (a verb may create what it was given).</summary>
        public string Bad(string problem)
        {
            var n = Interlocked.Increment(ref _fresh);
            return problem switch
            {
                "missing-file" => _dir.Combine($"no-such-input-{n}.jsonl"),
                "missing-folder" => _dir.Combine($"no-such-folder-{n}"),
                "folder-for-file" or "folder-for-output-file" => _dir.Combine("a-folder"),
                "wrong-format-file" or "file-for-folder" or "file-for-output-folder" => _dir.Combine("picture.png"),
                "not-a-workspace" => _dir.Combine("empty-folder"),
                "output-in-missing-folder" => _dir.Combine(Path.Combine($"no-such-parent-{n}", $"result-{n}.jsonl")),
                _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
            };
        }
    }
}
