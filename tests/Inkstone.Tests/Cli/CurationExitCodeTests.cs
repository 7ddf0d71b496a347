using System.Text.Json;
using Inkstone.Cli.Commands;

namespace Inkstone.Tests.Cli;

/// <summary>The documented exit codes and one-line errors of the curation verbs (docs/cli.md).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CurationExitCodeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-exit-").FullName;

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + (lines.Length > 0 ? "\n" : ""));
        return path;
    }

    private static string Article(int i) => JsonSerializer.Serialize(new
    {
        id = $"s{i}", text = string.Concat(Enumerable.Range(0, 8).Select(k => $"样本{i}的第{k}句。")), published_at = "2023-06-01",
    });

    private async Task<string> WorkspaceAsync(bool noModel = true, int items = 4)
    {
        var workspace = Path.Combine(_directory, "ws");
        Assert.Equal(0, (await CliRunner.RunAsync(noModel ? ["init", workspace, "--no-model"] : ["init", workspace])).Exit);
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", "-w", workspace, Write("a.jsonl", [.. Enumerable.Range(0, items).Select(Article)]))).Exit);
        Assert.Equal(0, (await CliRunner.RunAsync("run", "-w", workspace)).Exit);
        return workspace;
    }

    [Fact]
    public async Task ImportAnnotations_ThreeOfFourRejected_Exit1AndEachReported()
    {
        var workspace = await WorkspaceAsync();
        var file = Write("ann.jsonl",
            JsonSerializer.Serialize(new { source_id = "s0", annotator = "a", query = "写", thought = "想" }),
            JsonSerializer.Serialize(new { source_id = "nope", annotator = "a", query = "写", thought = "想" }),
            JsonSerializer.Serialize(new { source_id = "s1", query = "写", thought = "想" }),
            "{\"source_id\": \"s2\", \"annotator\": \"a\", \"query\": \"\\ud800\", \"thought\": \"想\"}");
        var result = await CliRunner.RunAsync("import", "annotations", "-w", workspace, file);
        Assert.Equal(1, result.Exit);
        Assert.Contains("rejected: 3", result.Output, StringComparison.Ordinal);
        Assert.Contains("line 2: source_id: no item 'nope'", result.Errors, StringComparison.Ordinal);
        Assert.Contains("line 3: annotator: missing", result.Errors, StringComparison.Ordinal);
        Assert.Contains("line 4: field 'query': lone surrogate", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAnnotations_Strict_Exit2AtFirstProblem()
    {
        var workspace = await WorkspaceAsync();
        var file = Write("ann.jsonl", "not json", JsonSerializer.Serialize(new { source_id = "s0", annotator = "a", query = "写", thought = "想" }));
        (await CliRunner.RunAsync("import", "annotations", "-w", workspace, file, "--strict")).AssertOneError(2, "line 1: invalid JSON");
        var status = await CliRunner.RunAsync("items", "list", "-w", workspace, "--state", "annotated", "--format", "json");
        using var json = JsonDocument.Parse(status.Output);
        Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ImportScores_CsvMissingColumn_Exit2NamingFileAndColumn()
    {
        var workspace = await WorkspaceAsync();
        var file = Write("scores.csv", "source_id,scorer,article_quality", "s0,x,8");
        (await CliRunner.RunAsync("import", "scores", "-w", workspace, file)).AssertOneError(2, "scores.csv: column 'article_creativity' missing");
    }

    [Fact]
    public async Task ImportDates_EmptyFile_Exit1SaysSo()
    {
        var workspace = await WorkspaceAsync();
        var result = await CliRunner.RunAsync("import", "dates", "-w", workspace, Write("dates.csv"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("no records", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAnnotations_ItemsStillAssessed_SaysWhyAndHowToMoveOn()
    {
        var workspace = await WorkspaceAsync(noModel: false);
        var run = await CliRunner.RunAsync("run", "-w", workspace, "--format", "json");
        Assert.Equal(0, run.Exit);
        using (var json = JsonDocument.Parse(run.Output))
            Assert.Contains("init --no-model", json.RootElement.GetProperty("next_steps")[0].GetString(), StringComparison.Ordinal);
        var file = Write("ann.jsonl", JsonSerializer.Serialize(new { source_id = "s0", annotator = "a", query = "写", thought = "想" }));
        var result = await CliRunner.RunAsync("import", "annotations", "-w", workspace, file);
        Assert.Equal(1, result.Exit);
        Assert.Contains("item 's0' is assessed: it has not passed the model stages", result.Errors, StringComparison.Ordinal);
        Assert.Contains("init --no-model", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RecordNotStored_Exit1AndStrictExit2()
    {
        var workspace = Path.Combine(_directory, "ws");
        Assert.Equal(0, (await CliRunner.RunAsync("init", workspace)).Exit);
        var source = Write("in.jsonl", Article(0), "{broken", Article(1));
        Assert.Equal(1, (await CliRunner.RunAsync("ingest", "-w", workspace, source)).Exit);
        var strict = Write("in2.jsonl", Article(2), "{broken", Article(3));
        (await CliRunner.RunAsync("ingest", "-w", workspace, strict, "--strict")).AssertOneError(2, "in2.jsonl: line 2");
        var list = await CliRunner.RunAsync("items", "list", "-w", workspace, "--format", "json");
        using var json = JsonDocument.Parse(list.Output);
        // s2 before the problem is stored; s3 after it is not read.
        Assert.Equal(["s0", "s1", "s2"], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray());
    }

    [Fact]
    public async Task Export_CsvName_Exit2ListingFormats_DataFormatOverrides()
    {
        var workspace = await WorkspaceAsync();
        var csv = Path.Combine(_directory, "a.csv");
        (await CliRunner.RunAsync("export", "-w", workspace, "-o", csv)).AssertOneError(2, "jsonl, json or parquet");
        Assert.False(File.Exists(csv));
        var result = await CliRunner.RunAsync("export", "-w", workspace, "-o", csv, "--data-format", "jsonl", "--format", "json");
        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("jsonl", json.RootElement.GetProperty("data_format").GetString());
        Assert.Equal(2, (await CliRunner.RunAsync("export", "-w", workspace, "-o", csv, "--format", "jsonl")).Exit);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("run")]
    [InlineData("errors")]
    [InlineData("items", "list")]
    public async Task Workspace_NotAWorkspace_OneLineExit2(params string[] verb)
    {
        var missing = Path.Combine(_directory, "nowhere");
        (await CliRunner.RunAsync([.. verb, "-w", missing])).AssertOneError(2, $"{missing}: no such folder");
        (await CliRunner.RunAsync([.. verb, "-w", _directory])).AssertOneError(2, $"{_directory}: not a workspace");
        (await CliRunner.RunAsync([.. verb, "-w", Write("file.txt", "x")])).AssertOneError(2, "is a file");
    }

    [Theory]
    [InlineData("import", "annotations")]
    [InlineData("import", "scores")]
    [InlineData("import", "dates")]
    [InlineData("review", "import")]
    public async Task Import_MissingPathFolderOrWrongFormat_OneLineExit2(params string[] verb)
    {
        var workspace = await WorkspaceAsync(items: 1);
        var missing = Path.Combine(_directory, "missing.jsonl");
        (await CliRunner.RunAsync([.. verb, "-w", workspace, missing])).AssertOneError(2, missing);
        (await CliRunner.RunAsync([.. verb, "-w", workspace, _directory])).AssertOneError(2, $"{_directory}: is a folder");
        var wrong = Write("wrong.csv", "name,value", "a,1");
        (await CliRunner.RunAsync([.. verb, "-w", workspace, wrong])).AssertOneError(2, "wrong.csv: column");
    }

    [Fact]
    public async Task Init_Release_Review_JsonReports()
    {
        var workspace = Path.Combine(_directory, "ws");
        var init = await CliRunner.RunAsync("init", workspace, "--no-model", "--format", "json");
        Assert.Equal(0, init.Exit);
        using (var json = JsonDocument.Parse(init.Output)) Assert.Equal("none", json.RootElement.GetProperty("screening").GetString());
        (await CliRunner.RunAsync("init", workspace)).AssertOneError(2, "is a workspace already");
        (await CliRunner.RunAsync("release", "-w", workspace, "--id", "x", "--published-at", "2023-01-01", "--by", "me")).AssertOneError(2, "--id: no item 'x'");
        var review = await CliRunner.RunAsync("review", "export", "-w", workspace, "-o", Path.Combine(_directory, "r.jsonl"), "--format", "json");
        Assert.Equal(0, review.Exit);
        using (var json = JsonDocument.Parse(review.Output)) Assert.Equal(0, json.RootElement.GetProperty("exported").GetInt64());
        (await CliRunner.RunAsync("review", "export", "-w", workspace, "-o", Path.Combine(_directory, "no", "r.jsonl"))).AssertOneError(2, "does not exist");
    }

    [Fact]
    public void DemoHints_CommandNameAndWorkspace_RunnableAsPrinted()
    {
        var previous = Environment.GetEnvironmentVariable("INKSTONE_COMMAND");
        try
        {
            Environment.SetEnvironmentVariable("INKSTONE_COMMAND", "./inkstone");
            var hints = DemoCommand.Hints("/tmp/my demo", "/tmp/my demo/accepted.jsonl");
            Assert.All(hints, h => Assert.StartsWith("./inkstone ", h, StringComparison.Ordinal));
            Assert.Contains("./inkstone status -w '/tmp/my demo' --format json", hints);
            Environment.SetEnvironmentVariable("INKSTONE_COMMAND", null);
            Assert.StartsWith("inkstone status -w /tmp/ws ", DemoCommand.Hints("/tmp/ws", "/tmp/ws/a.jsonl")[0], StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("INKSTONE_COMMAND", previous);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
