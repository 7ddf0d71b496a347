using System.Collections.Concurrent;
using Inkstone.Llm.Caching;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Embedded;
using Inkstone.Llm.Middleware;
using Inkstone.Llm.Usage;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Backends;

/// <summary>
/// Composes, once per model name, the pipeline every call goes through (outermost first): usage accounting → persistent
/// cache → concurrency limit → rate limits → backend (OpenAI-compatible HTTP with retries, or the embedded model).
/// A cache hit therefore waits for no slot and no rate limit.
/// </summary>
public sealed class LlmClientFactory : IChatClientProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _clients = new(StringComparer.Ordinal);
    private readonly IResponseCache? _cache;
    private readonly UsageLedger _ledger;
    private readonly TimeProvider _timeProvider;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly HttpMessageHandler? _transport;
    private readonly TimeSpan _rateLimitPeriod;

    /// <param name="cache">Null: no persistent cache.</param>
    /// <param name="transport">The HTTP handler under the retry layer; null for a real socket handler.</param>
    /// <param name="rateLimitPeriod">The period the per-minute limits refer to; one minute except in tests.</param>
    public LlmClientFactory(IResponseCache? cache, UsageLedger ledger, TimeProvider? timeProvider = null,
        Func<string, string?>? getEnvironmentVariable = null, HttpMessageHandler? transport = null, TimeSpan? rateLimitPeriod = null)
    {
        _cache = cache;
        _ledger = ledger;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _getEnvironmentVariable = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        _transport = transport;
        _rateLimitPeriod = rateLimitPeriod ?? TimeSpan.FromMinutes(1);
    }

    public UsageLedger Ledger => _ledger;

    public IChatClient GetClient(ModelConfiguration model) =>
        _clients.GetOrAdd(model.Name, _ => new Lazy<IChatClient>(() => Build(model))).Value;

    private IChatClient Build(ModelConfiguration model)
    {
        IChatClient backend = model.Backend switch
        {
            ModelBackend.OpenAICompatible => OpenAICompatibleChatClientFactory.Create(model, _getEnvironmentVariable, _transport),
            ModelBackend.Embedded => EmbeddedChatClient.Load(model),
            _ => throw new LlmConfigurationException($"model '{model.Name}': unknown backend {model.Backend}"),
        };
        return new ChatClientBuilder(backend)
            .Use(inner => new UsageAccountingChatClient(inner, _ledger, model.Name))
            .Use(inner => new PersistentCachingChatClient(inner, _cache, model.CacheIdentity, _timeProvider))
            .Use(inner => new ConcurrencyLimitingChatClient(inner, model.MaxConcurrency))
            .Use(inner => new RateLimitingChatClient(inner, model.RequestsPerMinute, model.TokensPerMinute, _rateLimitPeriod))
            .Build();
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated)) client.Value.Dispose();
        _clients.Clear();
    }
}
