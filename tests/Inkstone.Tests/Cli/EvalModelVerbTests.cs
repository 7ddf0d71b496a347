using System.Text.Json.Nodes;
using Inkstone.Tests.Evaluation;
using Inkstone.Testing;
using Microsoft.Data.Sqlite;

namespace Inkstone.Tests.Cli;

/// <summary>
/// `eval generate` and `eval judge` against a loopback stub server: <c>-w</c> is the workspace folder whose database holds
/// the response cache and usage, a folder that is not a workspace is an input error, failed calls exit 1.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EvalModelVerbTests : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OpenAIStubServer _server;
    private readonly string _queries;

    public EvalModelVerbTests()
    {
        _server = new OpenAIStubServer(request =>
        {
            using var body = request.Json();
            var model = body.RootElement.GetProperty("model").GetString()!;
            if (model == "broken") return StubReply.Error(500);
            if (model == "judge-model") return StubReply.Answer("{\"winner\": \"A\", \"reason\": \"r\"}");
            return new StubReply { Content = $"{model} writes: {request.LastUserText}", PromptTokens = 7, CompletionTokens = 9 };
        });
        _queries = _dir.File("q.jsonl", """
            {"id":"q1","language":"zh","genre":"slogan","query":"为茶馆写广告语"}
            {"id":"q2","language":"en","genre":"slogan","query":"Slogan for a tea house"}
            """);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Models => $$"""
        { "llm": {
          "models": {
            "M_CW":   {"base_url": "{{_server.BaseUrl}}", "model": "cw", "retry_attempts": 0},
            "M_G":    {"base_url": "{{_server.BaseUrl}}", "model": "general", "retry_attempts": 0},
            "M_BAD":  {"base_url": "{{_server.BaseUrl}}", "model": "broken", "retry_attempts": 0},
            "judge":  {"base_url": "{{_server.BaseUrl}}", "model": "judge-model", "retry_attempts": 0}
          },
          "roles": {"judge": "judge"}
        } }
        """;

    private string Workspace()
    {
        var folder = _dir.Combine("ws");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "inkstone.json"), Models);
        return folder;
    }

    [Fact]
    public async Task Generate_WorkspaceFolder_CachesInItsDatabaseAndRecordsUsage()
    {
        var ws = Workspace();
        string[] Generate(string output) => ["eval", "generate", "-w", ws, "--queries", _queries, "--models", "M_CW", "M_G", "-o", output, "--format", "json"];

        var first = await CliRunner.RunAsync(Generate(_dir.Combine("gen.jsonl")));
        Assert.Equal(0, first.Exit);
        var json = JsonNode.Parse(first.Output)!;
        Assert.Equal(4, json["generated"]!.GetValue<int>());
        Assert.Equal(0, json["failed"]!.GetValue<int>());
        Assert.Equal(Path.GetFullPath(ws), json["workspace"]!.GetValue<string>());
        Assert.Equal(4, _server.RequestCount);
        Assert.Equal("total", json["usage"]!.AsArray()[^1]!["model"]!.GetValue<string>());
        Assert.Equal(4, json["usage"]!.AsArray()[^1]!["calls"]!.GetValue<long>());

        // A second run into a new file is answered from the workspace's cache.
        var second = await CliRunner.RunAsync(Generate(_dir.Combine("gen2.jsonl")));
        Assert.Equal(0, second.Exit);
        Assert.Equal(4, _server.RequestCount);
        Assert.Equal(4, JsonNode.Parse(second.Output)!["usage"]!.AsArray()[^1]!["cache_hits"]!.GetValue<long>());
        Assert.Equal(2, await CountUsageRunsAsync(Path.Combine(ws, "workspace.db")));
    }

    [Fact]
    public async Task Generate_FolderThatIsNotAWorkspace_Exit2WithHowToCreateOne()
    {
        var folder = _dir.Combine("plain");
        Directory.CreateDirectory(folder);
        var result = await CliRunner.RunAsync("eval", "generate", "-w", folder, "--queries", _queries, "--models", "M_CW", "-o", _dir.Combine("gen.jsonl"));
        Assert.Equal(2, result.Exit);
        Assert.Equal($"error: {folder}: not a workspace (no inkstone.json); create one with 'inkstone init {folder}'", result.Errors.Split('\n')[0]);
        Assert.Equal(0, _server.RequestCount);
        Assert.False(File.Exists(Path.Combine(folder, "workspace.db")));
    }

    [Fact]
    public async Task Generate_NoWorkspace_RunsWithoutCacheAndSaysSo()
    {
        var config = _dir.File("models.json", Models);
        // The current folder of the test run is the build output, which is not a workspace.
        Assert.False(File.Exists(Path.Combine(Environment.GetEnvironmentVariable("INKSTONE_WORKSPACE") ?? ".", "inkstone.json")));
        string[] args = ["eval", "generate", "--config", config, "--queries", _queries, "--models", "M_CW", "-o", _dir.Combine("gen.jsonl")];

        var result = await CliRunner.RunAsync(args);
        Assert.Equal(0, result.Exit);
        Assert.Contains("running without a response cache", result.Errors, StringComparison.Ordinal);
        Assert.Contains("2 generated, 0 already present, 0 failed", result.Output, StringComparison.Ordinal);
        Assert.Contains("Model usage", result.Output, StringComparison.Ordinal);
        var again = await CliRunner.RunAsync([.. args[..^1], _dir.Combine("gen2.jsonl")]);
        Assert.Equal(0, again.Exit);
        Assert.Equal(4, _server.RequestCount); // nothing cached
    }

    [Fact]
    public async Task Generate_UnknownModel_Exit2ListingTheConfiguredOnes()
    {
        var result = await CliRunner.RunAsync("eval", "generate", "-w", Workspace(), "--queries", _queries, "--models", "M_CW", "M_NOPE",
            "-o", _dir.Combine("gen.jsonl"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("error: --models: no model named 'M_NOPE' in the model configuration (llm.models); known: M_BAD, M_CW, M_G, judge",
            result.Errors, StringComparison.Ordinal);
        Assert.Equal(0, _server.RequestCount);
    }

    [Fact]
    public async Task Generate_FailedCalls_ListedInJsonAndExit1()
    {
        var result = await CliRunner.RunAsync("eval", "generate", "-w", Workspace(), "--queries", _queries, "--models", "M_CW", "M_BAD",
            "-o", _dir.Combine("gen.jsonl"), "--format", "json");
        Assert.Equal(1, result.Exit);
        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal((2, 2), (json["generated"]!.GetValue<int>(), json["failed"]!.GetValue<int>()));
        var failures = json["failures"]!.AsArray();
        Assert.Equal(["q1", "q2"], failures.Select(f => f!["query_id"]!.GetValue<string>()));
        Assert.All(failures, f => Assert.Equal("M_BAD", f!["model"]!.GetValue<string>()));
        Assert.Contains("FAILED", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_WorkspaceFolder_JsonSummaryAndCache()
    {
        var ws = Workspace();
        var gens = _dir.Combine("gen.jsonl");
        Assert.Equal(0, (await CliRunner.RunAsync("eval", "generate", "-w", ws, "--queries", _queries, "--models", "M_CW", "M_G", "-o", gens)).Exit);
        string[] Judge(string output) => ["eval", "judge", "-w", ws, "--queries", _queries, "--generations", gens, "--models", "M_CW", "M_G",
            "-o", output, "--format", "json"];

        var result = await CliRunner.RunAsync(Judge(_dir.Combine("llm.jsonl")));
        Assert.Equal(0, result.Exit);
        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal((2, 0, "judge"), (json["judged"]!.GetValue<int>(), json["not_judged"]!.GetValue<int>(), json["judge"]!.GetValue<string>()));
        Assert.Equal(4 + 4, _server.RequestCount); // 2 queries × 1 pair × 2 presentation orders

        var again = await CliRunner.RunAsync(Judge(_dir.Combine("llm2.jsonl")));
        Assert.Equal(0, again.Exit);
        Assert.Equal(8, _server.RequestCount);
    }

    [Fact]
    public async Task Judge_FolderThatIsNotAWorkspace_Exit2()
    {
        var gens = _dir.File("gen.jsonl", string.Concat(new[] { "M_CW", "M_G" }.Select(m =>
            $"{{\"query_id\":\"q1\",\"model\":\"{m}\",\"sample\":0,\"answer\":\"a\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}}\n")));
        var result = await CliRunner.RunAsync("eval", "judge", "-w", _dir.Path, "--queries", _queries, "--generations", gens, "--models", "M_CW", "M_G",
            "-o", _dir.Combine("llm.jsonl"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("not a workspace (no inkstone.json)", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    private static async Task<long> CountUsageRunsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT run_id) FROM llm_run_usage";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
