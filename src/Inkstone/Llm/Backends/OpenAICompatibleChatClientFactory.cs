using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Inkstone.Llm.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using OpenAI;
using Polly;

namespace Inkstone.Llm.Backends;

/// <summary>
/// Builds the <see cref="IChatClient"/> for an OpenAI-compatible server: the OpenAI client (its own retries off) over an
/// <see cref="HttpClient"/> whose handler chain is [max_tokens rewrite] → retries with exponential backoff and jitter on
/// 429, 5xx, network errors and attempt timeouts, honouring Retry-After → per-attempt timeout → the model's endpoints
/// (<see cref="EndpointPoolHandler"/>: least outstanding requests, a failing endpoint taken out and back, and a circuit
/// that stops the command when none answers) → an immediate resend when a pooled connection turns out closed
/// (<see cref="StaleConnectionRetryHandler"/>) → sockets.
/// </summary>
public static class OpenAICompatibleChatClientFactory
{
    public static IChatClient Create(ModelConfiguration model, Func<string, string?> getEnvironmentVariable, HttpMessageHandler? transport = null)
    {
        if (model.BaseUrl is null) throw new LlmConfigurationException($"model '{model.Name}': base_url is required");
        var apiKey = "not-needed";
        if (model.ApiKeyEnvironmentVariable is { Length: > 0 } variable)
        {
            apiKey = getEnvironmentVariable(variable) is { Length: > 0 } key
                ? key
                : throw new LlmConfigurationException($"model '{model.Name}': environment variable {variable} (api_key_env) is not set");
        }
        var httpClient = new HttpClient(CreateHandler(model, transport), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new OpenAIClientOptions
        {
            Endpoint = model.BaseUrl,
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        return new OpenAIClient(new ApiKeyCredential(apiKey), options).GetChatClient(model.Model).AsIChatClient();
    }

    internal static HttpMessageHandler CreateHandler(ModelConfiguration model, HttpMessageHandler? transport)
    {
        transport ??= new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        var endpoints = new EndpointPoolHandler([model.BaseUrl!, .. model.AdditionalBaseUrls], new StaleConnectionRetryHandler(transport));
        HttpMessageHandler handler = new ResilienceHandler(CreatePipeline(model)) { InnerHandler = endpoints };
        if (model.MaxTokensParameter == MaxTokensParameter.MaxTokens) handler = new MaxTokensRewritingHandler(handler);
        return handler;
    }

    internal static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ModelConfiguration model)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (model.RetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = model.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = model.RetryBaseDelay,
                MaxDelay = model.RetryMaxDelay,
                ShouldRetryAfterHeader = true,
            });
        }
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = model.AttemptTimeout });
        return builder.Build();
    }
}
