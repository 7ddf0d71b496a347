using System.Diagnostics;
using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;
using Inkstone.Testing;

namespace Inkstone.Tests.Llm;

/// <summary>A dead or wrong endpoint stops the calls at once instead of every call retrying with full backoff.</summary>
public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task RunAsync_ClosedPortWithRetries_EveryCallStopsFastWithTheCause()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var model = new ModelConfiguration
        {
            Name = "dead", Model = "m", BaseUrl = new Uri($"http://127.0.0.1:{port}/v1/"), RetryAttempts = 5,
            RetryBaseDelay = TimeSpan.FromMilliseconds(400), RetryMaxDelay = TimeSpan.FromSeconds(10), AttemptTimeout = TimeSpan.FromSeconds(5),
        };
        var clock = Stopwatch.StartNew();

        var (succeeded, thrown) = await ConcurrentCalls.RunAsync(model, 20, 4);

        Assert.Equal(0, succeeded);
        Assert.Equal(20, thrown.Count);
        var first = Assert.IsType<EndpointUnavailableException>(thrown[0]);
        Assert.All(thrown, e => Assert.IsType<EndpointUnavailableException>(e));
        Assert.Contains("refused", first.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"127.0.0.1:{port}", first.Message, StringComparison.Ordinal);
        // Full backoff would take 0.4 + 0.8 + 1.6 + 3.2 + 6.4 s per call.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task RunAsync_ModelNotFound404_StopsAtTheFirstAnswerNamingTheUrl()
    {
        var requests = 0;
        await using var server = new LoopbackHttpServer(async (context, ct) =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 404;
            var bytes = "{\"error\":{\"message\":\"The model `nope` does not exist\"}}"u8.ToArray();
            await context.Response.OutputStream.WriteAsync(bytes, ct);
            context.Response.Close();
        });
        var model = new ModelConfiguration { Name = "wrong", Model = "nope", BaseUrl = new Uri(server.BaseAddress, "v1/"), RetryAttempts = 3 };

        var (_, thrown) = await ConcurrentCalls.RunAsync(model, 12, 4);

        Assert.Equal(12, thrown.Count);
        var e = Assert.IsType<EndpointUnavailableException>(thrown[0]);
        Assert.Contains("HTTP 404", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.True(requests <= 4, $"{requests} requests reached the server");
    }

    [Fact]
    public async Task RunAsync_TransientServerErrors_KeepTheirRetriesAndSucceed()
    {
        // Each item's first attempt gets a 503 and its second an answer, whatever the order of the calls.
        var attempts = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await using var server = new OpenAIStubServer(r => attempts.AddOrUpdate(OpenAICompatibleBackendTests.ItemOf(r), 1, (_, n) => n + 1) == 1
            ? StubReply.Error(503)
            : StubReply.Answer("{\"quality\": 7, \"creativity\": 6}"));
        var model = new ModelConfiguration
        {
            Name = "flaky", Model = "m", BaseUrl = server.BaseUrl, RetryAttempts = 4, RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        };

        var (succeeded, thrown) = await ConcurrentCalls.RunAsync(model, 10, 4);

        Assert.Empty(thrown);
        Assert.Equal(10, succeeded);
        Assert.Equal(20, server.RequestCount);
    }
}
