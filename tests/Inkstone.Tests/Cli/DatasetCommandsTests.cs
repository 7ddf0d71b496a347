using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inkstone.Tests.Datasets;

namespace Inkstone.Tests.Cli;

/// <summary><c>stats</c> and <c>validate</c>: paths, the input policy, exit codes and tables that keep numbers whole.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DatasetCommandsTests : IDisposable
{
    private readonly DatasetTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static void AssertOneErrorLine(CliRunner.Result result, string mentions)
    {
        result.AssertOneError(2, mentions);
        // Nothing else on standard error, but for the hint a usage error adds: "see 'inkstone VERB --help'".
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1 || (lines.Length == 2 && lines[1].StartsWith("see ", StringComparison.Ordinal)), result.Errors);
        Assert.StartsWith("error:", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("validate")]
    public async Task MissingFile_IsAnInputError(string verb)
    {
        var path = _files.Path_("nope.jsonl");
        AssertOneErrorLine(await CliRunner.RunAsync(verb, path), "nope.jsonl");
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("validate")]
    public async Task Folder_IsAnInputError(string verb) =>
        AssertOneErrorLine(await CliRunner.RunAsync(verb, _files.Root), "is a folder");

    [Theory]
    [InlineData("stats", "id,query\n1,写诗\n")]
    [InlineData("validate", "id,query\n1,写诗\n")]
    [InlineData("validate", "plain prose, not a dataset")]
    public async Task WrongFormat_IsAnInputErrorNamingThePath(string verb, string content)
    {
        var path = _files.WriteText("data.csv", content);
        AssertOneErrorLine(await CliRunner.RunAsync(verb, path), "data.csv: not a dataset file");
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("validate")]
    public async Task LoneSurrogateEscape_RejectsTheRecordWithFileLineAndField(string verb)
    {
        var path = _files.WriteText("d.jsonl", DatasetTestFiles.Record("1") + "\n" + """{"id":"2","query":"q","thought":"t\ud800","answer":"a"}""" + "\n");

        var result = await CliRunner.RunAsync(verb, path);

        Assert.Equal(1, result.Exit);
        Assert.Contains("d.jsonl:line 2", result.All, StringComparison.Ordinal);
        Assert.Contains("field 'thought'", result.All, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DuplicateKey_RejectsTheRecordNamingTheKey()
    {
        var path = _files.WriteText("d.jsonl", """{"id":"1","query":"q","query":"r","thought":"t","answer":"a"}""" + "\n");

        var result = await CliRunner.RunAsync("validate", path, "--format", "json");

        Assert.Equal(1, result.Exit);
        using var report = JsonDocument.Parse(result.Output);
        var problem = Assert.Single(report.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("duplicate_key", problem.GetProperty("kind").GetString());
        Assert.Equal("query", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Validate_InvalidUtf8_RejectsTheRecord()
    {
        var bytes = Encoding.UTF8.GetBytes(DatasetTestFiles.Record("1", answer: "ab") + "\n");
        bytes[Array.IndexOf(bytes, (byte)'b')] = 0xFF;
        var path = _files.WriteBytes("d.jsonl", bytes);

        var result = await CliRunner.RunAsync("validate", path);

        Assert.Equal(1, result.Exit);
        Assert.Contains("field 'answer': invalid UTF-8 (byte 0xFF)", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("validate")]
    public async Task Strict_StopsAtTheFirstProblemWithExit2(string verb)
    {
        var path = _files.WriteText("d.jsonl", DatasetTestFiles.Record("1") + "\n{broken\n");
        var result = await CliRunner.RunAsync(verb, path, "--strict");
        Assert.Equal(2, result.Exit);
        Assert.Contains("error:", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TruncatedArray_IsAFileErrorWithExit2()
    {
        var path = _files.WriteText("d.json", "[" + DatasetTestFiles.Record("1") + ",");
        var result = await CliRunner.RunAsync("validate", path);
        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public async Task Stats_AllAccepted_Exits0()
    {
        var path = _files.WriteText("d.jsonl", DatasetTestFiles.Record("1", genre: "宋词") + "\n");
        Assert.Equal(0, (await CliRunner.RunAsync("stats", path)).Exit);
    }

    [Fact]
    public async Task Stats_At80Columns_NeverBreaksACell()
    {
        var lines = Enumerable.Range(1, 40).Select(i => DatasetTestFiles.Record(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            answer: new string('文', 100 + i * 37), genre: i % 2 == 0 ? "advertising_copy" : "宋词"));
        var path = _files.WriteText("d.jsonl", string.Join("\n", lines) + "\n");
        // Markdown never wraps: its cells are the strings the text table must print whole.
        var md = await CliRunner.RunAsync("stats", path, "--format", "md", "--by", "genre", "--han");
        Assert.Equal(0, md.Exit);
        var ranges = Regex.Matches(md.Output, @"\d+–\d+\.\d\d–\d+").Select(m => m.Value).Distinct().ToList();
        var ids = Regex.Matches(md.Output, "`([a-z_]+)`").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(ranges);
        Assert.NotEmpty(ids);

        var previous = Environment.GetEnvironmentVariable("COLUMNS");
        Environment.SetEnvironmentVariable("COLUMNS", "80");
        CliRunner.Result text;
        try
        {
            text = await CliRunner.RunAsync("stats", path, "--by", "genre", "--han");
        }
        finally
        {
            Environment.SetEnvironmentVariable("COLUMNS", previous);
        }

        Assert.Equal(0, text.Exit);
        // Table lines fit (the title, which names the file, may be longer); a table too wide turns vertical.
        foreach (var line in text.Output.Split('\n').Where(l => !l.Contains(path, StringComparison.Ordinal)))
            Assert.True(DisplayWidth(line) <= 80, $"wider than 80 columns: {line}");
        foreach (var range in ranges) Assert.Contains(range, text.Output, StringComparison.Ordinal);
        foreach (var id in ids) Assert.Contains(id, text.Output, StringComparison.Ordinal);
    }

    private static int DisplayWidth(string line) => Inkstone.Cli.Rendering.DisplayWidth.Of(line);
}
