using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Queries;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Inkstone.Tests.Evaluation.Generation;

public sealed class GenerationRunnerTests
{
    private static readonly BenchmarkQuery[] s_queries =
    [
        new("q1", "zh", "poetry", "写一首关于秋天的诗", new QueryConstraints()),
        new("q2", "en", "slogan", "Write a slogan", new QueryConstraints()),
    ];

    [Fact]
    public async Task RunAsync_StoresAnswerReasoningUsageAndTiming_ThenResumes()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("gen.jsonl");
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var calls = 0;
        var fail = true;
        var flaky = new FakeChatClient(prompt =>
        {
            Interlocked.Increment(ref calls);
            time.Advance(TimeSpan.FromMilliseconds(250));
            if (prompt == "Write a slogan" && fail) throw new HttpRequestException("503 from server");
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "<think>先想结构</think>秋风起"))
            {
                Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 34 },
                FinishReason = ChatFinishReason.Stop,
            };
        });
        var models = new[] { new GenerationModel("M_CW", flaky), new GenerationModel("M_G", flaky, SystemPrompt: "You are a writer.") };
        var runner = new GenerationRunner(new GenerationRunOptions { Samples = 2, MaxConcurrency = 1, TimeProvider = time });

        var first = await runner.RunAsync(s_queries, models, path, TestContext.Current.CancellationToken);
        Assert.Equal(new GenerationRunSummary(Generated: 4, Skipped: 0, Failed: 4), first);
        var (records, problems) = await GenerationResultsFile.ReadAsync(path, TestContext.Current.CancellationToken);
        Assert.Empty(problems);
        var ok = records.First(r => r.QueryId == "q1" && r.Model == "M_G" && r.Sample == 1);
        Assert.Equal("秋风起", ok.Answer);
        Assert.Equal("先想结构", ok.Reasoning);
        Assert.Equal(12, ok.InputTokens);
        Assert.Equal(34, ok.OutputTokens);
        Assert.Equal(250, ok.DurationMs, 6);
        Assert.Equal("stop", ok.FinishReason);
        var failed = records.First(r => r.QueryId == "q2");
        Assert.Null(failed.Answer);
        Assert.Equal("HttpRequestException: 503 from server", failed.Error);

        fail = false;
        calls = 0;
        var second = await runner.RunAsync(s_queries, models, path, TestContext.Current.CancellationToken);
        Assert.Equal(new GenerationRunSummary(Generated: 4, Skipped: 4, Failed: 0), second);
        Assert.Equal(4, calls); // only the failed ones were asked again
        (records, _) = await GenerationResultsFile.ReadAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(8, records.Count);
        Assert.All(records, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task RunAsync_SendsSystemPromptAndQuery()
    {
        using var dir = new TempDirectory();
        List<ChatMessage>? seen = null;
        var client = new RecordingClient(m => seen = m);
        await new GenerationRunner().RunAsync([s_queries[0]], [new GenerationModel("M", client, SystemPrompt: "sys")], dir.Combine("g.jsonl"), TestContext.Current.CancellationToken);
        Assert.NotNull(seen);
        Assert.Equal([ChatRole.System, ChatRole.User], seen.Select(m => m.Role));
        Assert.Equal("写一首关于秋天的诗", seen[1].Text);
    }

    [Fact]
    public async Task ReadAsync_TornLine_IsReportedWithLineNumber()
    {
        using var dir = new TempDirectory();
        var path = dir.File("g.jsonl", "{\"query_id\":\"q1\",\"model\":\"M\",\"sample\":0,\"answer\":\"x\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}\n{\"query_id\":\"q2\",\"mod");
        var (records, problems) = await GenerationResultsFile.ReadAsync(path, TestContext.Current.CancellationToken);
        Assert.Single(records);
        Assert.Equal(2, Assert.Single(problems).Line);
    }

    private sealed class RecordingClient(Action<List<ChatMessage>> record) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            record(messages.ToList());
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
