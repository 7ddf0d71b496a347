using System.Text.Json.Nodes;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Cli;

/// <summary>
/// The eval verbs under the CLI's conventions: a missing path, a folder for a file, a bad number or an unknown name is
/// one located error line and exit code 2; rejected records exit 1; a failed check exits 3; never a stack trace.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EvalInputErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _queries;
    private readonly string _rankings;
    private readonly string _generations;

    public EvalInputErrorTests()
    {
        _queries = _dir.File("q.jsonl", """
            {"id":"q1","language":"zh","genre":"slogan","query":"写一句广告语"}
            {"id":"q2","language":"zh","genre":"slogan","query":"再写一句"}
            """);
        _rankings = _dir.File("r.jsonl", """
            {"query_id":"q1","annotator":"a1","ranking":["X","Y","Z"]}
            {"query_id":"q2","annotator":"a1","ranking":["Z","X","Y"]}
            """);
        _generations = _dir.File("g.jsonl", string.Concat(new[] { "X", "Y", "Z" }.SelectMany(m => new[] { "q1", "q2" }.Select(q =>
            $"{{\"query_id\":\"{q}\",\"model\":\"{m}\",\"sample\":0,\"answer\":\"{m} on {q}\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}}\n"))));
    }

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> MissingPathCommands() => new()
    {
        "eval report NOPE",
        "eval import NOPE -o {dir}/x.jsonl",
        "eval queries NOPE",
        "eval generate --queries NOPE --models X -o {dir}/out.jsonl",
        "eval report {rankings} --queries NOPE",
        "eval report {rankings} --generations NOPE --baseline X",
        "eval report {rankings} --behavior NOPE",
        "eval assign --queries {queries} --generations NOPE --models X Y --annotators a1 -o {dir}/blind --key {dir}/key.jsonl",
        "eval assign --queries NOPE --generations {generations} --models X Y --annotators a1 -o {dir}/blind --key {dir}/key.jsonl",
        "eval judge --queries {queries} --generations NOPE --models X Y -o {dir}/llm.jsonl",
        "eval import {rankings} --key NOPE -o {dir}/x.jsonl",
        "eval queries {queries} --leakage NOPE",
    };

    [Theory]
    [MemberData(nameof(MissingPathCommands))]
    public async Task MissingInput_OneErrorNamingThePath_Exit2(string command)
    {
        var missing = _dir.Combine("nope.jsonl");
        var result = await CliRunner.RunAsync(Args(command.Replace("NOPE", missing, StringComparison.Ordinal)));
        result.AssertOneError(2, missing + ": no such file");
        Assert.False(File.Exists(_dir.Combine("x.jsonl")));
    }

    public static TheoryData<string> MissingOutputFolderCommands() => new()
    {
        "eval report {rankings} -o OUT",
        "eval import {rankings} -o OUT",
        "eval generate --queries {queries} --models X -o OUT",
        "eval judge --queries {queries} --generations {generations} --models X Y -o OUT",
        "eval assign --queries {queries} --generations {generations} --models X Y --annotators a1 -o {dir}/blind --key OUT",
        "eval queries {queries} --export OUT",
    };

    [Theory]
    [MemberData(nameof(MissingOutputFolderCommands))]
    public async Task OutputInAFolderThatDoesNotExist_OneErrorNamingThePath_Exit2(string command)
    {
        var output = _dir.Combine("no/such/dir/x.jsonl");
        var result = await CliRunner.RunAsync(Args(command.Replace("OUT", output, StringComparison.Ordinal)));
        result.AssertOneError(2, output + ": folder ");
    }

    [Theory]
    [InlineData("eval report DIR")]
    [InlineData("eval import DIR -o {dir}/x.jsonl")]
    [InlineData("eval queries DIR")]
    [InlineData("eval report {rankings} --queries DIR")]
    public async Task FolderInsteadOfFile_OneErrorNamingThePath_Exit2(string command)
    {
        var folder = _dir.Combine("a-folder");
        Directory.CreateDirectory(folder);
        var result = await CliRunner.RunAsync(Args(command.Replace("DIR", folder, StringComparison.Ordinal)));
        result.AssertOneError(2, folder + ": is a folder, not a file");
    }

    [Theory]
    [InlineData("eval queries BAD")]
    [InlineData("eval import BAD -o {dir}/x.jsonl")]
    [InlineData("eval report BAD")]
    public async Task WrongFormatFile_RecordsRejectedWithLocation_Exit1_StrictExit2(string command)
    {
        var bad = _dir.File("bad.jsonl", "id,language,genre\nq1,zh,slogan\n");
        var args = Args(command.Replace("BAD", bad, StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(args);
        Assert.Equal(1, result.Exit);
        Assert.Contains("bad.jsonl:1: ", result.Errors, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl:2: ", result.Errors, StringComparison.Ordinal);
        Assert.Contains("2 record(s) rejected", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);

        var strict = await CliRunner.RunAsync([.. args, "--strict"]);
        strict.AssertOneError(2, "2 record(s) with problems; stopping (--strict)");
        Assert.Empty(strict.Output);
    }

    [Theory]
    [InlineData("eval report {rankings} --resamples -1", "--resamples -1: must be at least 0")]
    [InlineData("eval report {rankings} --seed -5", "--seed -5: must be at least 0")]
    [InlineData("eval generate --queries {queries} --models X -o {dir}/g2.jsonl --samples 0", "--samples 0: must be at least 1")]
    [InlineData("eval judge --queries {queries} --generations {generations} --models X Y -o {dir}/j.jsonl --sample -1", "--sample -1: must be at least 0")]
    [InlineData("eval assign --queries {queries} --generations {generations} --models X Y --annotators a1 -o {dir}/b --key {dir}/k.jsonl --seed -1",
        "--seed -1: must be at least 0")]
    [InlineData("eval queries {queries} --min-per-genre 0", "--min-per-genre 0: must be at least 1")]
    [InlineData("eval queries {queries} --jaccard 1.5", "--jaccard 1.5: must be greater than 0 and at most 1")]
    [InlineData("eval import {rankings} -o {dir}/x.jsonl --model-map oops", "--model-map: expected NAME=MODEL, got 'oops'")]
    public async Task OutOfRangeValue_OneErrorNamingTheOption_Exit2(string command, string message)
    {
        var result = await CliRunner.RunAsync(Args(command));
        result.AssertOneError(2, message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Report_ZeroResamples_RatingsWithoutIntervals()
    {
        var result = await CliRunner.RunAsync("eval", "report", _rankings, "--resamples", "0", "--format", "json");
        Assert.Equal(0, result.Exit);
        var bt = JsonNode.Parse(result.Output)!["languages"]![0]!["bradley_terry"]!;
        Assert.Equal(0, bt["resamples"]!.GetValue<int>());
        Assert.All(bt["ratings"]!.AsArray(), r => Assert.Null(r!["low"]));
    }

    [Theory]
    [InlineData("eval report {rankings} --anchor NOPE", "--anchor: no model named 'NOPE' in the pairwise verdicts (--judges human); known: X, Y, Z")]
    [InlineData("eval report {rankings} --models X NOPE", "--models: no model named 'NOPE' in the judgments or generations; known: X, Y, Z")]
    [InlineData("eval report {rankings} --generations {generations} --baseline NOPE", "--baseline: no model named 'NOPE'")]
    [InlineData("eval report {rankings} --judges llm --anchor X", "--anchor: no model named 'X' in the pairwise verdicts (--judges llm); known: none")]
    [InlineData("eval assign --queries {queries} --generations {generations} --models X NOPE --annotators a1 -o {dir}/b --key {dir}/k.jsonl",
        "--models: no model named 'NOPE' in ")]
    [InlineData("eval judge --queries {queries} --generations {generations} --models X NOPE -o {dir}/j.jsonl", "--models: no model named 'NOPE' in ")]
    [InlineData("eval judge --queries {queries} --generations {generations} --models X Y --baseline Z -o {dir}/j.jsonl", "--baseline: 'Z' is not one of --models")]
    public async Task UnknownModelName_OneErrorListingTheKnownOnes_Exit2(string command, string message)
    {
        var result = await CliRunner.RunAsync(Args(command));
        result.AssertOneError(2, message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task ReportAndImport_SameFileTwice_ReadOnceWithANote()
    {
        var once = await CliRunner.RunAsync("eval", "report", _rankings, "--format", "json");
        var twice = await CliRunner.RunAsync("eval", "report", _rankings, _rankings, "--format", "json");
        Assert.Equal((0, once.Output), (twice.Exit, twice.Output));
        Assert.Contains("note: ", twice.Errors, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(_rankings), twice.Errors, StringComparison.Ordinal);

        var imported = await CliRunner.RunAsync("eval", "import", _rankings, _rankings, "-o", Path.Combine(_dir.Path, "n.jsonl"), "--format", "json");
        Assert.Equal(0, imported.Exit);
        Assert.Contains("note: ", imported.Errors, StringComparison.Ordinal);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(_dir.Path, "n.jsonl")).Length);
    }

    [Fact]
    public async Task Report_MisspelledAnchor_SuggestsTheClosestModel()
    {
        var result = await CliRunner.RunAsync("eval", "report", _rankings, "--anchor", "x");
        result.AssertOneError(2, "--anchor: no model named 'x' in the pairwise verdicts (--judges human) (did you mean 'X'?); known: X, Y, Z");
    }

    [Fact]
    public async Task Report_BaselineWithoutGenerations_Exit2()
    {
        var result = await CliRunner.RunAsync("eval", "report", _rankings, "--baseline", "X");
        result.AssertOneError(2, "--baseline: the length-controlled win rate needs --generations");
    }

    [Fact]
    public async Task Assign_ModelWithoutAnswers_Exit2NamingIt()
    {
        var gens = _dir.File("g-failed.jsonl", File.ReadAllText(_generations) +
            "{\"query_id\":\"q1\",\"model\":\"W\",\"sample\":0,\"error\":\"HttpRequestException: refused\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}\n");
        var result = await CliRunner.RunAsync("eval", "assign", "--queries", _queries, "--generations", gens, "--models", "X", "W",
            "--annotators", "a1", "-o", _dir.Combine("blind"), "--key", _dir.Combine("key.jsonl"));
        result.AssertOneError(2, "--models: no model named 'W' in ");
        Assert.False(Directory.Exists(_dir.Combine("blind")));
    }

    [Fact]
    public async Task Assign_QueriesLeftOut_ListedAndExit1()
    {
        // q2 has no answer from the fourth model, so it is left out of every annotator's file.
        var gens = _dir.File("g-partial.jsonl", File.ReadAllText(_generations) +
            "{\"query_id\":\"q1\",\"model\":\"W\",\"sample\":0,\"answer\":\"W on q1\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}\n");
        var result = await CliRunner.RunAsync("eval", "assign", "--queries", _queries, "--generations", gens, "--models", "X", "W",
            "--annotators", "a1", "a2", "-o", _dir.Combine("blind"), "--key", _dir.Combine("key.jsonl"), "--format", "json");
        Assert.Equal(1, result.Exit);
        Assert.Contains("left out: q2 (no answer from W)", result.Errors, StringComparison.Ordinal);
        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal(2, json["items"]!.GetValue<int>());
        Assert.Equal("q2 (no answer from W)", Assert.Single(json["left_out"]!.AsArray())!.GetValue<string>());
        Assert.Single(File.ReadAllLines(_dir.Combine("blind/a1.jsonl")));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    public async Task Assign_AnnotatorThatCannotBeAFileName_Exit2(string annotator)
    {
        var result = await CliRunner.RunAsync("eval", "assign", "--queries", _queries, "--generations", _generations, "--models", "X", "Y",
            "--annotators", annotator, "-o", _dir.Combine("blind"), "--key", _dir.Combine("key.jsonl"));
        result.AssertOneError(2, $"--annotators: '{annotator}' cannot be a file name");
    }

    [Fact]
    public async Task Import_CsvMissingAColumn_RejectionReportedAndExit1_Strict2()
    {
        var csv = _dir.File("verdicts.csv", "query_id,model_a,annotator,verdict\nq1,X,a1,a\n");
        var output = _dir.Combine("j.jsonl");
        var result = await CliRunner.RunAsync("eval", "import", csv, "-o", output, "--format", "json");
        Assert.Equal(1, result.Exit);
        Assert.Contains("verdicts.csv:1: field 'model_b': CSV header lacks model_b", result.Errors, StringComparison.Ordinal);
        Assert.Contains("1 record(s) rejected", result.Errors, StringComparison.Ordinal);
        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal(1, json["rejected"]!.GetValue<int>());
        Assert.Equal(0, json["pairwise"]!.GetValue<int>());

        var strict = await CliRunner.RunAsync("eval", "import", csv, "-o", output, "--strict");
        strict.AssertOneError(2, "--strict");
    }

    [Fact]
    public async Task Import_EmptyCsv_SaysNothingWasRead()
    {
        var csv = _dir.File("empty.csv", "");
        var result = await CliRunner.RunAsync("eval", "import", csv, "-o", _dir.Combine("j.jsonl"));
        Assert.Contains("note: no judgment was read from empty.csv", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SomeRecordsRejected_WritesTheRestSaysHowManyAndExit1()
    {
        var file = _dir.File("mixed.jsonl", """
            {"query_id":"q1","model_a":"X","model_b":"Y","annotator":"a1","verdict":"a"}
            {"query_id":"q1","model_a":"X","model_b":"Z","annotator":"a1","verdict":"maybe"}
            {"query_id":"q2","model_a":"X","model_b":"Y","annotator":"a1"
            """);
        var output = _dir.Combine("j.jsonl");
        var result = await CliRunner.RunAsync("eval", "import", file, "-o", output);
        Assert.Equal(1, result.Exit);
        Assert.Contains("1 pairwise verdicts", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 record(s) rejected", result.Output, StringComparison.Ordinal);
        Assert.Contains("mixed.jsonl:2: field 'verdict'", result.Errors, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(output));
    }

    [Fact]
    public async Task Report_UnconvergedLengthControlledFit_NoWinRateShownAndExit3()
    {
        // X against the baseline B: X wins exactly where its answer is longer, so the length term separates the verdicts
        // perfectly and the maximum-likelihood fit does not exist.
        var queries = _dir.File("lc-q.jsonl", string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"{{\"id\":\"q{i}\",\"language\":\"zh\",\"genre\":\"slogan\",\"query\":\"写第{i}句\"}}\n")));
        var verdicts = _dir.File("lc-v.jsonl", string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"{{\"query_id\":\"q{i}\",\"model_a\":\"X\",\"model_b\":\"B\",\"annotator\":\"a1\",\"verdict\":\"{(i <= 3 ? "a" : "b")}\"}}\n")));
        string Gen(int i, string model, int length) =>
            $"{{\"query_id\":\"q{i}\",\"model\":\"{model}\",\"sample\":0,\"answer\":\"{new string('字', length)}\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}}\n";
        var gens = _dir.File("lc-g.jsonl", string.Concat(Enumerable.Range(1, 8).Select(i => Gen(i, "B", 50) + Gen(i, "X", i <= 3 ? 80 + i : 20 + i))));
        string[] args = ["eval", "report", verdicts, "--queries", queries, "--generations", gens, "--baseline", "B", "--resamples", "0"];

        var json = await CliRunner.RunAsync([.. args, "--format", "json"]);
        Assert.Equal(3, json.Exit);
        var lc = Assert.Single(JsonNode.Parse(json.Output)!["languages"]![0]!["length_controlled"]!.AsArray())!;
        Assert.False(lc["converged"]!.GetValue<bool>());
        Assert.Null(lc["lc_win_rate"]);
        Assert.Equal(3.0 / 8, lc["win_rate"]!.GetValue<double>(), 12);

        var text = await CliRunner.RunAsync([.. args, "--format", "csv"]);
        Assert.Equal(3, text.Exit);
        var lines = text.Output.Split('\n');
        var title = Array.FindIndex(lines, l => l.StartsWith("# Length-controlled win rate", StringComparison.Ordinal));
        var row = lines[title + 2];
        Assert.Equal("X,8,37.50,–,–,–,–", string.Join(',', row.Split(',').Take(7)));
        Assert.EndsWith(",no", row.TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_TextFormat_PrintsTablesThatKeepNumbersWhole()
    {
        var result = await CliRunner.RunAsync("eval", "report", _rankings, "--resamples", "0");
        Assert.Equal(0, result.Exit);
        Assert.Contains("Win rate (%) of row over column — all (6 verdicts)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("│", result.Output, StringComparison.Ordinal); // no Spectre box table
    }

    [Fact]
    public async Task Report_OutputFile_WritesTheChosenFormatThere()
    {
        var file = _dir.Combine("report.md");
        var result = await CliRunner.RunAsync("eval", "report", _rankings, "--resamples", "0", "--format", "md", "-o", file);
        Assert.Equal(0, result.Exit);
        Assert.Empty(result.Output);
        Assert.Contains("| model |", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_CsvFormat_GivesTheCoverageTable()
    {
        var result = await CliRunner.RunAsync("eval", "queries", _queries, "--format", "csv");
        Assert.Equal(3, result.Exit); // 50 genres without queries
        Assert.Contains("slogan,", result.Output, StringComparison.Ordinal);
        Assert.Contains("advertising_copy,", result.Output, StringComparison.Ordinal);
    }

    private string[] Args(string command) => command
        .Replace("{dir}", _dir.Path, StringComparison.Ordinal)
        .Replace("{queries}", _queries, StringComparison.Ordinal)
        .Replace("{rankings}", _rankings, StringComparison.Ordinal)
        .Replace("{generations}", _generations, StringComparison.Ordinal)
        .Split(' ');
}
