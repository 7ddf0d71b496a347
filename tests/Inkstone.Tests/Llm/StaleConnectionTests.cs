using Inkstone.Llm;
using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;
using Inkstone.Testing;

namespace Inkstone.Tests.Llm;

/// <summary>Servers that close a keep-alive connection after each answer: a dead pooled connection is no fault of the call.</summary>
public sealed class StaleConnectionTests
{
    private const string Completion = """
        {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"{\"quality\": 7, \"creativity\": 6}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}
        """;

    [Fact]
    public async Task RunAsync_ServerClosesAfterEveryAnswerNoRetries_EveryCallSucceedsOncePerCall()
    {
        await using var server = new ClosingHttpServer(_ => Completion);
        var model = new ModelConfiguration
        {
            Name = "closing", Model = "m", BaseUrl = new Uri(server.BaseAddress, "v1/"), RetryAttempts = 0,
            AttemptTimeout = TimeSpan.FromSeconds(10), MaxConcurrency = 4,
        };
        var ledger = new UsageLedger();
        using var factory = new LlmClientFactory(null, ledger, TimeProvider.System, _ => null);
        var runner = new PromptRunner(factory, ledger);

        const int calls = 60;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (i, ct) =>
            {
                var outcome = await runner.RunAsync<ScoreResult>(OpenAICompatibleBackendTests.ScoreTemplate, OpenAICompatibleBackendTests.Item(i), model, ct);
                if (!outcome.IsSuccess) failures.Add(outcome.Failure.Message);
            });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(3)));
        Assert.Equal(calls, server.Requests);
    }

    [Fact]
    public async Task RunAsync_ConnectionRefusedWithoutRetries_EndpointUnavailableCarriesTheUnderlyingCause()
    {
        var port = ClosedPort();
        var model = new ModelConfiguration
        {
            Name = "refused", Model = "m", BaseUrl = new Uri($"http://127.0.0.1:{port}/v1/"), RetryAttempts = 0, AttemptTimeout = TimeSpan.FromSeconds(5),
        };
        var ledger = new UsageLedger();
        using var factory = new LlmClientFactory(null, ledger, TimeProvider.System, _ => null);
        var runner = new PromptRunner(factory, ledger);

        // Below the breaker's threshold the refused call is still no failure of the item: it is the endpoint's.
        var e = await Assert.ThrowsAsync<EndpointUnavailableException>(() => runner.RunAsync<ScoreResult>(
            OpenAICompatibleBackendTests.ScoreTemplate, OpenAICompatibleBackendTests.Item(1), model, TestContext.Current.CancellationToken));

        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
