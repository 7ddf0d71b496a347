using System.Diagnostics;
using System.Text.RegularExpressions;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
using Inkstone.Testing;

namespace Inkstone.Tests.Llm;

public sealed partial class OpenAICompatibleBackendTests
{
    internal static readonly PromptTemplate ScoreTemplate = new() { Id = "test.score", Version = 1, System = "评审", User = "#item:{{item}} 请评分" };

    internal static Dictionary<string, string> Item(int i) => new() { ["item"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    internal static int ItemOf(StubRequest r) => int.Parse(ItemPattern().Match(r.AllText).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"#item:(\d+)")]
    private static partial Regex ItemPattern();

    private static StubReply Good(StubRequest r) => StubReply.Answer($"{{\"quality\": {ItemOf(r) % 10 + 1}, \"creativity\": 7}}");

    [Fact]
    public async Task RunAsync_JsonSchemaMode_SendsSchemaAndReturnsTypedScore()
    {
        await using var h = new StubHarness(Good);
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(4), h.Model, TestContext.Current.CancellationToken);
        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(5, outcome.Value.Quality);
        using var body = Assert.Single(h.Server.Requests).Json();
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var properties = format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties");
        Assert.True(properties.TryGetProperty("quality", out _));
        Assert.True(body.RootElement.TryGetProperty("max_completion_tokens", out _));
        Assert.Equal(100, outcome.Call.Usage.InputTokens);
    }

    [Fact]
    public async Task RunAsync_JsonObjectModeAndMaxTokens_SendsJsonObjectAndMaxTokens()
    {
        await using var h = new StubHarness(Good, m => m with { StructuredOutput = StructuredOutputMode.JsonObject, MaxTokensParameter = MaxTokensParameter.MaxTokens, MaxOutputTokens = 77 });
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(1), h.Model, TestContext.Current.CancellationToken);
        Assert.True(outcome.IsSuccess, outcome.ToString());
        using var body = Assert.Single(h.Server.Requests).Json();
        Assert.Equal("json_object", body.RootElement.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal(77, body.RootElement.GetProperty("max_tokens").GetInt32());
        Assert.False(body.RootElement.TryGetProperty("max_completion_tokens", out _));
        Assert.Contains("quality", body.RootElement.GetProperty("messages").GetRawText(), StringComparison.Ordinal); // schema written into the prompt
    }

    [Fact]
    public async Task RunAsync_ApiKeyFromEnvironmentVariable_IsSentAsBearer()
    {
        await using var h = new StubHarness(Good, m => m with { ApiKeyEnvironmentVariable = "STUB_KEY" }, environment: new Dictionary<string, string> { ["STUB_KEY"] = "sk-test-123" });
        await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(1), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal("Bearer sk-test-123", Assert.Single(h.Server.Requests).Authorization);
    }

    [Fact]
    public async Task RunAsync_429WithRetryAfter_WaitsAtLeastThatLongThenSucceeds()
    {
        var calls = 0;
        await using var h = new StubHarness(r => Interlocked.Increment(ref calls) == 1 ? StubReply.Error(429, retryAfterSeconds: 1) : Good(r));
        var clock = Stopwatch.StartNew();
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(2), h.Model, TestContext.Current.CancellationToken);
        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(2, h.Server.RequestCount);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed.TotalMilliseconds} ms, Retry-After was 1 s");
    }

    [Fact]
    public async Task RunAsync_Persistent500_FailsAsTransportAfterAllRetries()
    {
        await using var h = new StubHarness(_ => StubReply.Error(500), m => m with { RetryAttempts = 2 });
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(3), h.Model, TestContext.Current.CancellationToken);
        Assert.False(outcome.IsSuccess);
        Assert.Equal(LlmFailureKind.Transport, outcome.Failure.Kind);
        Assert.Contains("500", outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, h.Server.RequestCount);
        Assert.Equal(1, h.Ledger.Total().Failures);
    }

    [Fact]
    public async Task RunAsync_EveryAttemptHangs_FailsAsTimeout()
    {
        await using var h = new StubHarness(r => StubReply.Hang(TimeSpan.FromSeconds(5), "{}"), m => m with { RetryAttempts = 1, AttemptTimeout = TimeSpan.FromMilliseconds(150) });
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(3), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(LlmFailureKind.Timeout, outcome.Failure!.Kind);
        // Under load an attempt can time out before the stub has even read it, so only the upper bound is exact.
        Assert.InRange(h.Server.RequestCount, 1, 2);
    }

    [Fact]
    public async Task RunAsync_SecondRun_AnsweredFromCacheWithoutRequests()
    {
        await using var h = new StubHarness(Good);
        var first = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(6), h.Model, TestContext.Current.CancellationToken);
        h.NewRun();
        var second = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(6), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(1, h.Server.RequestCount);
        Assert.False(first.Call.FromCache);
        Assert.True(second.Call.FromCache);
        Assert.Equal(first.Value, second.Value);
        var usage = h.Ledger.Total();
        Assert.Equal((1, 1, 0), (usage.Calls, usage.CacheHits, usage.InputTokens));
    }

    [Fact]
    public async Task RunAsync_PromptVersionChanged_IsNotACacheHit()
    {
        await using var h = new StubHarness(Good);
        await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(6), h.Model, TestContext.Current.CancellationToken);
        await h.Runner.RunAsync<ScoreResult>(ScoreTemplate with { Version = 2 }, Item(6), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(2, h.Server.RequestCount);
    }

    [Fact]
    public async Task RunAsync_InvalidAnswer_IsNotKeptInCache()
    {
        var calls = 0;
        await using var h = new StubHarness(r => Interlocked.Increment(ref calls) == 1 ? StubReply.Answer("{\"quality\": 12, \"creativity\": 7}") : Good(r),
            m => m with { InvalidAnswerRetries = 0 });
        var first = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(8), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(LlmFailureKind.OutOfRange, first.Failure!.Kind);
        Assert.Equal("{\"quality\": 12, \"creativity\": 7}", first.Failure.RawAnswer);
        Assert.Equal(0, await h.Cache!.CountAsync(TestContext.Current.CancellationToken));
        var second = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(8), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(9, second.Value!.Quality);
        Assert.Equal(2, h.Server.RequestCount);
    }

    [Fact]
    public async Task RunAsync_InvalidAnswerThenGood_AskedAgainWithinTheCall()
    {
        var calls = 0;
        await using var h = new StubHarness(r => Interlocked.Increment(ref calls) == 1 ? StubReply.Answer("评分：很好") : Good(r));
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(8), h.Model, TestContext.Current.CancellationToken);
        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(2, h.Server.RequestCount);
        Assert.Equal(1, Assert.Single(h.Ledger.Snapshot()).Failures);
    }

    [Fact]
    public async Task RunAsync_InvalidEveryTime_AskedOnceMoreThenFailure()
    {
        await using var h = new StubHarness(_ => StubReply.Answer("{\"quality\": 11, \"creativity\": 7}"), m => m with { InvalidAnswerRetries = 2 });
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(8), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(LlmFailureKind.OutOfRange, outcome.Failure!.Kind);
        Assert.Equal(3, h.Server.RequestCount);
    }

    [Fact]
    public async Task RunAsync_TruncatedAnswer_NotAskedAgain()
    {
        await using var h = new StubHarness(_ => StubReply.Answer("{\"quality\": 8,", "length"));
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(8), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(LlmFailureKind.Truncated, outcome.Failure!.Kind);
        Assert.Equal(1, h.Server.RequestCount);
    }

    [Fact]
    public async Task RunAsync_ConcurrencyLimit_IsNeverExceeded()
    {
        await using var h = new StubHarness(r => StubReply.Hang(TimeSpan.FromMilliseconds(200), "{\"quality\": 5, \"creativity\": 5}"), m => m with { MaxConcurrency = 3 }, cache: false);
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(i), h.Model, TestContext.Current.CancellationToken)));
        Assert.Equal(24, h.Server.RequestCount);
        Assert.Equal(3, h.Server.PeakInFlight);
    }

    [Fact]
    public async Task RunAsync_RequestRateLimit_SpreadsRequestsOverPeriods()
    {
        // 4 requests per 300 ms: 10 requests need at least two refills.
        await using var h = new StubHarness(Good, m => m with { RequestsPerMinute = 4 }, cache: false, rateLimitPeriod: TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(i), h.Model, TestContext.Current.CancellationToken)));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550), $"10 requests at 4 per 300 ms took {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task RunTextAsync_FreeTextAndCutOff_SuccessThenTruncated()
    {
        var calls = 0;
        await using var h = new StubHarness(_ => Interlocked.Increment(ref calls) == 1 ? StubReply.Answer("  结构清晰，层次分明。 ") : StubReply.Answer("写到一半", "length"), cache: false);
        var ok = await h.Runner.RunTextAsync(ScoreTemplate, Item(1), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal("结构清晰，层次分明。", ok.Value);
        var cut = await h.Runner.RunTextAsync(ScoreTemplate, Item(2), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(LlmFailureKind.Truncated, cut.Failure!.Kind);
        Assert.Equal("写到一半", cut.Failure.RawAnswer);
    }

    [Fact]
    public async Task RunAsync_ServerRejectsJsonSchema_FailsOnceWithHintAndNoRetry()
    {
        await using var h = new StubHarness(_ => new StubReply { Status = 400, Content = "response_format type json_schema is not supported" });
        var outcome = await h.Runner.RunAsync<ScoreResult>(ScoreTemplate, Item(1), h.Model, TestContext.Current.CancellationToken);
        Assert.Equal(LlmFailureKind.Transport, outcome.Failure!.Kind);
        Assert.Contains("HTTP 400", outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("--no-json-schema", outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.RequestCount);
    }
}
