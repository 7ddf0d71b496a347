using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inkstone.Cli;
using Inkstone.Curation;
using Inkstone.Storage;
using Inkstone.Testing;
using Spectre.Console;

namespace Inkstone.Tests.Cli;

/// <summary>
/// <c>inkstone run</c> against the loopback OpenAI-compatible stub configured as the workspace's model: screening,
/// analysis and scoring through the real model layer, the response cache in the workspace database, and failures
/// quarantined and retried alone. The SQLite subclass runs in the unit suite; the PostgreSQL subclass (same source
/// file, compiled into the integration suite) runs on a private cluster, so the cache lives in PostgreSQL there.
/// </summary>
[Collection(ConsoleCollection.Name)]
public abstract class RunWithModelTests : IDisposable
{
    private const string AssessMarker = "从五个方面分别给出";
    private const string ScreenMarker = "从“质量”和“创意”两个方面";
    private const string UsabilityMarker = "请判断它是否可用";
    private const string AnalysisMarker = "专业分析";
    private const string ThoughtMarker = "评估创作思路";

    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-run-model-").FullName;
    private readonly ConcurrentDictionary<string, int> _thoughtFailures = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Extra options of <c>inkstone init</c> choosing the database (none: SQLite).</summary>
    protected abstract Task<string[]> InitOptionsAsync();

    private static string Article(string name) => string.Concat(Enumerable.Range(0, 10).Select(i => $"{name}的第{i}句各不相同。"));

    /// <summary>Screening fails the third article (quality 4 &lt; 6); the second article's first thought score is not JSON.</summary>
    private StubReply Script(StubRequest request)
    {
        var user = request.LastUserText;
        if (user.Contains(AssessMarker, StringComparison.Ordinal))
            return StubReply.Answer("""{"content_completeness": 8, "format_standardization": 7, "error_correction": 8, "logical_consistency": 7, "creativity": 6, "reason": "无"}""");
        if (user.Contains(ScreenMarker, StringComparison.Ordinal))
            return StubReply.Answer(user.Contains("第三篇", StringComparison.Ordinal) ? """{"quality": 4, "creativity": 7}""" : """{"quality": 8, "creativity": 7}""");
        if (user.Contains(UsabilityMarker, StringComparison.Ordinal)) return StubReply.Answer("""{"usable": true, "reason": "结构完整"}""");
        if (user.Contains(AnalysisMarker, StringComparison.Ordinal)) return StubReply.Answer("一、结构：总分总。");
        if (user.Contains(ThoughtMarker, StringComparison.Ordinal) && user.Contains("第二篇", StringComparison.Ordinal) && _thoughtFailures.AddOrUpdate("b", 1, (_, n) => n + 1) == 1)
            return StubReply.Answer("思路评分：很好");
        return StubReply.Answer("""{"quality": 9, "creativity": 9}""");
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        try
        {
            var exit = await CliApp.CreateRootCommand().Parse(args).InvokeAsync(cancellationToken: Ct);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings());
        }
    }

    private static async Task<Dictionary<string, string>> RunStagesAsync(string workspace, int expectedExit = 0, List<string>? failures = null)
    {
        var (exit, output) = await RunAsync("run", "-w", workspace, "--format", "json");
        Assert.Equal(expectedExit, exit);
        using var json = JsonDocument.Parse(output);
        failures?.AddRange(json.RootElement.GetProperty("failures").EnumerateArray().Select(f =>
            $"{f.GetProperty("stage").GetString()}/{f.GetProperty("kind").GetString()}×{f.GetProperty("count").GetInt64()}"));
        return json.RootElement.GetProperty("stages").EnumerateArray().ToDictionary(
            s => s.GetProperty("stage").GetString()!,
            s => s.GetProperty("outcomes").EnumerateObject().Select(o => $"{o.Name}={o.Value.GetInt64()}").Order(StringComparer.Ordinal).Aggregate("", (a, b) => a.Length == 0 ? b : a + "," + b));
    }

    private async Task<string> CreateWorkspaceAsync(Uri baseUrl, string retries = "\"retry_attempts\": 0")
    {
        var workspace = Path.Combine(_directory, "ws");
        Assert.Equal(0, (await RunAsync(["init", workspace, .. await InitOptionsAsync()])).Exit);
        var configPath = Path.Combine(workspace, WorkspaceConfig.FileName);
        var config = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        config["gate"] = new JsonObject { ["scorer"] = "model" };
        config["llm"] = JsonNode.Parse($$"""
            { "models": { "stub": { "backend": "openai", "base_url": "{{baseUrl}}", "model": "m-stub", {{retries}}, "invalid_answer_retries": 0 } }, "default_model": "stub" }
            """);
        File.WriteAllText(configPath, config.ToJsonString());
        var source = Path.Combine(_directory, "in.jsonl");
        File.WriteAllLines(source, new[] { "第一篇", "第二篇", "第三篇" }.Select((name, i) =>
            JsonSerializer.Serialize(new { id = $"s{i + 1}", text = Article(name), published_at = "2023-05-01", genre = "散文" })));
        Assert.Equal(0, (await RunAsync("ingest", "-w", workspace, source)).Exit);
        return workspace;
    }

    [Fact]
    public async Task Run_StubModel_ScreensAnalyzesScoresCachesAndRetriesOnlyFailures()
    {
        await using var server = new OpenAIStubServer(Script);
        var workspace = await CreateWorkspaceAsync(server.BaseUrl);

        // Run 1: 3 assessments, 3 screenings; the two that pass get usability + analysis: 3 + 3 + 2×2 = 10 requests.
        var first = await RunStagesAsync(workspace);
        Assert.Equal("assessed=3", first["assess"]);
        Assert.Equal("rejected(screening)=1,screened=2", first["screen"]);
        Assert.Equal("ready=2", first["analyze"]);
        Assert.Equal(10, server.RequestCount);

        // Run 2: nothing left for the model stages, nothing sent.
        var second = await RunStagesAsync(workspace);
        Assert.Equal("", second["screen"]);
        Assert.Equal(10, server.RequestCount);

        var annotations = Path.Combine(_directory, "annotations.jsonl");
        File.WriteAllLines(annotations, new[] { "s1", "s2" }.Select(id => JsonSerializer.Serialize(new { source_id = id, annotator = "ann1", query = "写一篇散文", thought = "先立意，再布局" })));
        Assert.Equal(0, (await RunAsync("import", "annotations", "-w", workspace, annotations)).Exit);

        // Run 3: three scoring calls per item (6); the second item's thought answer is not JSON → quarantined.
        // A quarantined item makes the run exit 1, and its failure kind is in the report.
        var failures = new List<string>();
        var third = await RunStagesAsync(workspace, expectedExit: 1, failures);
        Assert.Equal("quarantined(score)=1,scored=1", third["score"]);
        Assert.Equal(["score/MalformedJson×1"], failures);
        Assert.Equal(16, server.RequestCount);

        // Run 4: only the quarantined item is retried, and of its calls only the failed one is sent again.
        var fourth = await RunStagesAsync(workspace);
        Assert.Equal("scored=1", fourth["score"]);
        Assert.Equal(17, server.RequestCount);
        Assert.Equal("", (await RunStagesAsync(workspace))["score"]);
        Assert.Equal(17, server.RequestCount);

        await using var ws = await Workspace.OpenAsync(workspace, Ct);
        var items = await ws.Items.ListItemsAsync(null, null, 10, Ct);
        var b = items.Single(i => i.Text.StartsWith("第二篇", StringComparison.Ordinal));
        var events = new List<AuditEvent>();
        await foreach (var e in ws.Items.ReadAuditAsync(b.Id, Ct)) events.Add(e);
        var quarantine = events.Single(e => e.To == CurationState.Quarantined);
        // The failed answer itself is kept with the item, for diagnosing a prompt or schema problem.
        using (var failure = JsonDocument.Parse((await ws.Items.GetArtifactsAsync(b.Id, Ct))["last_failure"].Json))
        {
            Assert.Equal(("score", "MalformedJson", "思路评分：很好"), (failure.RootElement.GetProperty("stage").GetString(),
                failure.RootElement.GetProperty("kind").GetString(), failure.RootElement.GetProperty("raw_answer").GetString()));
        }
        Assert.Equal(new Actor(ActorKind.Model, "m-stub", "score.thought@v1"), quarantine.Actor);
        Assert.Contains("score.thought@v1", quarantine.Reason, StringComparison.Ordinal);
        Assert.Equal(new Actor(ActorKind.Model, "m-stub", "assess.article@v1"), events.Single(e => e.To == CurationState.Assessed).Actor);
        Assert.Equal(new Actor(ActorKind.Model, "m-stub", "screen.article@v1"), events.Single(e => e.To == CurationState.Screened).Actor);
        Assert.Equal(new Actor(ActorKind.Model, "m-stub", "score.article@v1+score.query@v1+score.thought@v1"), events.Single(e => e.To == CurationState.Scored).Actor);

        // Usage per run: 10 + 0 + 6 + 3 (two from the cache) + 0 calls, 2 cache hits, 1 invalid answer; runs without calls record no rows.
        await using var connection = await ws.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(calls), SUM(cache_hits), SUM(failures), COUNT(DISTINCT run_id) FROM llm_run_usage";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        // SUM is numeric on PostgreSQL: read every figure as a number and convert.
        long Figure(int i) => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((19L, 2L, 1L, 3L), (Figure(0), Figure(1), Figure(2), Figure(3)));
    }

    [Fact]
    public async Task Run_ClosedPortWithFullRetries_StopsInSecondsQuarantinesNothingExit3()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var workspace = await CreateWorkspaceAsync(new Uri($"http://127.0.0.1:{port}/v1/"), "\"retry_attempts\": 5, \"retry_base_delay_s\": 1");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await CliRunner.RunAsync("run", "-w", workspace, "--concurrency", "1");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Equal(3, result.Exit);
        var error = Assert.Single(result.Errors.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("refused", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("assess: stopped", result.Output, StringComparison.Ordinal);
        await using var ws = await Workspace.OpenAsync(workspace, Ct);
        var states = await ws.Items.CountByStateAsync(Ct);
        Assert.Equal([(CurationState.Ingested, 3L)], states.Select(c => (c.State, c.Count)).ToArray());
        // Nothing stays claimed: another run (or worker) takes the items at once.
        Assert.Equal(3, (await ws.Items.ClaimAsync(CurationState.Ingested, "next", 10, TimeSpan.FromMinutes(1), Ct)).Count);
    }

    [Fact]
    public async Task Run_MisspelledWorkspaceKey_FailsNamingItsPath()
    {
        await using var server = new OpenAIStubServer(Script);
        var workspace = await CreateWorkspaceAsync(server.BaseUrl);
        var configPath = Path.Combine(workspace, WorkspaceConfig.FileName);
        var config = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        config["gate"]!.AsObject()["minimum_totl"] = 40;
        File.WriteAllText(configPath, config.ToJsonString());

        var result = await CliRunner.RunAsync("run", "-w", workspace);

        Assert.Equal(2, result.Exit);
        Assert.Contains("gate.minimum_totl: unknown setting (did you mean 'minimum_total'?)", result.Errors, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Run_NoModelConfigured_SkipsModelStagesWithMessage()
    {
        var workspace = Path.Combine(_directory, "plain");
        Assert.Equal(0, (await RunAsync(["init", workspace, .. await InitOptionsAsync()])).Exit);
        var (exit, output) = await RunAsync("run", "-w", workspace);
        Assert.Equal(0, exit);
        Assert.Contains("screen: skipped — no model configured", output, StringComparison.Ordinal);
        Assert.DoesNotContain("cache hits", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
