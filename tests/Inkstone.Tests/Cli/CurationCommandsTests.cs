using System.Text.Json;
using Inkstone.Cli;
using Spectre.Console;

namespace Inkstone.Tests.Cli;


/// <summary>The curation verbs end to end through the command line (console output captured; not run in parallel).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CurationCommandsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-cli-").FullName;

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        // Spectre keeps the writer it was created with; give it ours, and a fresh default one afterwards.
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        try
        {
            var exit = await CliApp.CreateRootCommand().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings());
        }
    }

    [Fact]
    public async Task InitIngestRunStatus_SmallCorpus_StatusCountsAddUpAndModelStagesExplained()
    {
        var workspace = Path.Combine(_directory, "ws");
        var source = Path.Combine(_directory, "in.jsonl");
        File.WriteAllLines(source,
        [
            JsonSerializer.Serialize(new { id = "a", text = string.Concat(Enumerable.Range(0, 10).Select(i => $"第{i}句各不相同。")), published_at = "2023-05-01" }),
            JsonSerializer.Serialize(new { id = "b", text = "没有日期的一篇文章，但内容足够长，可以通过长度检查。" }),
            "{\"id\": \"c\", \"text\": ",
        ]);

        Assert.Equal(0, (await RunAsync("init", workspace)).Exit);
        // Record c is not stored (broken JSON): exit 1.
        var ingest = await RunAsync("ingest", "-w", workspace, source, "--format", "json");
        Assert.Equal(1, ingest.Exit);
        using (var report = JsonDocument.Parse(ingest.Output))
            Assert.Equal((3, 1), (report.RootElement.GetProperty("records_read").GetInt32(), report.RootElement.GetProperty("failed").GetInt32()));

        var run = await RunAsync("run", "-w", workspace, "--format", "json");
        using (var stages = JsonDocument.Parse(run.Output))
        {
            var screen = stages.RootElement.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "screen");
            Assert.Contains("no model configured", screen.GetProperty("skipped").GetString(), StringComparison.Ordinal);
        }

        var status = await RunAsync("status", "-w", workspace, "--format", "json");
        using var json = JsonDocument.Parse(status.Output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("total").GetInt64());
        Assert.Equal(2, root.GetProperty("states").EnumerateArray().Sum(s => s.GetProperty("count").GetInt64()));
        Assert.Equal(["assessed", "held"], root.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("state").GetString()).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, root.GetProperty("ingest_errors").GetInt64());
    }

    [Fact]
    public async Task Init_ExistingWorkspace_FailsWithoutOverwriting()
    {
        var workspace = Path.Combine(_directory, "ws2");
        Assert.Equal(0, (await RunAsync("init", workspace)).Exit);
        var config = File.ReadAllText(Path.Combine(workspace, "inkstone.json"));
        Assert.NotEqual(0, (await RunAsync("init", workspace, "--no-model")).Exit);
        Assert.Equal(config, File.ReadAllText(Path.Combine(workspace, "inkstone.json")));
    }

    [Fact]
    public async Task Demo_SamplesFolder_RunsToAnnotatedAndPrintsStatus()
    {
        var samples = Path.Combine(_directory, "samples");
        Directory.CreateDirectory(samples);
        File.WriteAllLines(Path.Combine(samples, "articles.jsonl"), Enumerable.Range(0, 4).Select(i => JsonSerializer.Serialize(new
        {
            id = $"s{i}", text = string.Concat(Enumerable.Range(0, 8).Select(k => $"样本{i}的第{k}句。")), url = $"https://x/{i}", platform = "weibo",
            author = "作者", published_at = "2023-06-0" + (i + 1), likes = 1, shares = 2, comments = 3, genre = "essay",
        })));
        File.WriteAllLines(Path.Combine(samples, "annotations.jsonl"), Enumerable.Range(0, 2).Select(i => JsonSerializer.Serialize(new
        {
            source_id = $"s{i}", annotator = "ann1", query = "写一篇短文", thought = "先想结构",
        })));
        var workspace = Path.Combine(_directory, "demo");
        var (exit, output) = await RunAsync("demo", "--from", samples, "--workspace", workspace);
        Assert.Equal(0, exit);
        Assert.Contains("records: 2; applied: annotated 2", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace, "inkstone.json")));
        var status = await RunAsync("status", "-w", workspace, "--format", "json");
        using var json = JsonDocument.Parse(status.Output);
        var states = json.RootElement.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("state").GetString()!, s => s.GetProperty("count").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["annotated"] = 2, ["ready"] = 2 }, states);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
