using System.Net;
using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;
using Inkstone.Testing;

namespace Inkstone.Tests.Llm;

/// <summary>One model served by several endpoints: spread, one taken out while it fails and back when it recovers.</summary>
public sealed class EndpointPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StubReply Good(StubRequest _) => StubReply.Answer("{\"quality\": 8, \"creativity\": 7}");

    [Fact]
    public async Task Calls_TwoEndpointsEqualLatency_SpreadWithinTenPercentOfEven()
    {
        await using var a = new OpenAIStubServer(Good, TimeSpan.FromMilliseconds(20), recordRequests: false);
        await using var b = new OpenAIStubServer(Good, TimeSpan.FromMilliseconds(20), recordRequests: false);
        var model = new ModelConfiguration { Name = "pool", Model = "m", BaseUrl = a.BaseUrl, AdditionalBaseUrls = [b.BaseUrl], MaxConcurrency = 8, RetryAttempts = 0 };

        var (succeeded, thrown) = await ConcurrentCalls.RunAsync(model, 200, 8);

        Assert.Empty(thrown);
        Assert.Equal(200, succeeded);
        Assert.InRange(a.RequestCount, 90, 110);
        Assert.Equal(200, a.RequestCount + b.RequestCount);
    }

    [Fact]
    public async Task Calls_OneEndpointRefusesThenRecovers_NothingFailsAndItGetsCallsAgain()
    {
        await using var server = new OpenAIStubServer(Good, recordRequests: false);
        var down = new Uri("http://down.invalid:9/v1/");
        var transport = new SwitchableTransport(down.Host);
        var model = new ModelConfiguration
        {
            Name = "pool", Model = "m", BaseUrl = down, AdditionalBaseUrls = [server.BaseUrl], MaxConcurrency = 4, RetryAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        };

        var ledger = new UsageLedger();
        using var factory = new LlmClientFactory(null, ledger, TimeProvider.System, _ => null, transport);
        var runner = new PromptRunner(factory, ledger);

        var (succeeded, thrown) = await ConcurrentCalls.RunAsync(runner, model, 40, 4);
        Assert.Empty(thrown);
        Assert.Equal(40, succeeded);
        Assert.Equal(40, server.RequestCount); // every call answered by the live endpoint, none lost to the dead one
        Assert.Equal(0, transport.Answered);

        transport.Up = true; // the first endpoint recovers: after its cooldown the same client sends it calls again
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        var (again, _) = await ConcurrentCalls.RunAsync(runner, model, 40, 4);
        Assert.Equal(40, again);
        Assert.True(transport.Answered >= 10, $"{transport.Answered} calls"); // it answers at once, so least-outstanding favours it
    }

    [Fact]
    public async Task Calls_EveryEndpointRefuses_StopsWithEveryCause()
    {
        var transport = new SwitchableTransport("a.invalid", "b.invalid");
        var model = new ModelConfiguration
        {
            Name = "pool", Model = "m", BaseUrl = new Uri("http://a.invalid/v1/"), AdditionalBaseUrls = [new Uri("http://b.invalid/v1/")],
            RetryAttempts = 5, RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        };

        var (succeeded, thrown) = await ConcurrentCalls.RunAsync(model, 8, 2, transport);

        Assert.Equal(0, succeeded);
        Assert.Equal(8, thrown.Count);
        var e = Assert.IsType<EndpointUnavailableException>(thrown[0]);
        Assert.Contains("every endpoint failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("a.invalid", e.Message, StringComparison.Ordinal);
        Assert.Contains("b.invalid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BaseUrlList_FirstIsBaseUrlRestAdditional()
    {
        var settings = LlmSettingsLoader.Parse("""{ "llm": { "models": { "m": { "backend": "openai", "model": "x", "base_url": ["http://a:1/v1/", "http://b:2/v1/"] } } } }""", "inkstone.json");
        var model = settings.Resolve("m");
        Assert.Equal(new Uri("http://a:1/v1/"), model.BaseUrl);
        Assert.Equal([new Uri("http://b:2/v1/")], model.AdditionalBaseUrls);
        Assert.Contains("the same URL is listed twice", Assert.Throws<LlmConfigurationException>(() => LlmSettingsLoader.Parse(
            """{ "llm": { "models": { "m": { "backend": "openai", "model": "x", "base_url": ["http://a:1/v1/", "http://a:1/v1/"] } } } }""", "inkstone.json")).Message,
            StringComparison.Ordinal);
    }

    /// <summary>Refuses connections to the named hosts (as a closed port does) until <see cref="Up"/>; other hosts go to the network.</summary>
    private sealed class SwitchableTransport(params string[] hosts) : DelegatingHandler(new SocketsHttpHandler())
    {
        public volatile bool Up;
        public int Answered;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!hosts.Contains(request.RequestUri!.Host)) return base.SendAsync(request, cancellationToken);
            if (!Up) throw new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused ({request.RequestUri.Authority})");
            Interlocked.Increment(ref Answered);
            var body = """{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"{\"quality\": 8, \"creativity\": 7}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
