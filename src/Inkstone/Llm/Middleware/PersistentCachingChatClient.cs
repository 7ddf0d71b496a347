using System.Text.Json;
using Inkstone.Llm.Caching;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Middleware;

/// <summary>
/// Answers a request from <see cref="IResponseCache"/> when an identical one (same model, prompt id and version, messages
/// and options) was answered before; otherwise asks the inner client and stores the answer. Streaming is not cached.
/// </summary>
public sealed class PersistentCachingChatClient : DelegatingChatClient
{
    private readonly IResponseCache? _cache;
    private readonly string _modelIdentity;
    private readonly TimeProvider _timeProvider;

    /// <param name="cache">Null turns caching off; the client then only strips Inkstone's request properties.</param>
    public PersistentCachingChatClient(IChatClient innerClient, IResponseCache? cache, string modelIdentity, TimeProvider timeProvider)
        : base(innerClient)
    {
        _cache = cache;
        _modelIdentity = modelIdentity;
        _timeProvider = timeProvider;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var (promptId, promptVersion, innerOptions) = Strip(options);
        if (_cache is null) return await base.GetResponseAsync(list, innerOptions, cancellationToken).ConfigureAwait(false);

        var key = ResponseCacheKey.Compute(_modelIdentity, promptId, promptVersion, list, innerOptions);
        var cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            var restored = JsonSerializer.Deserialize<ChatResponse>(cached.ResponseJson, AIJsonUtilities.DefaultOptions);
            if (restored is not null)
            {
                restored.AdditionalProperties ??= [];
                restored.AdditionalProperties[LlmRequestProperties.CacheHit] = true;
                restored.AdditionalProperties[LlmRequestProperties.CacheKey] = key;
                return restored;
            }
        }

        var response = await base.GetResponseAsync(list, innerOptions, cancellationToken).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(response, AIJsonUtilities.DefaultOptions);
        await _cache.SetAsync(key, new CachedResponse(_modelIdentity, $"{promptId}@v{promptVersion}", json,
            response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, _timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        response.AdditionalProperties ??= [];
        response.AdditionalProperties[LlmRequestProperties.CacheKey] = key;
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Strip(options).Options, cancellationToken);

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(IResponseCache) && _cache is not null ? _cache : base.GetService(serviceType, serviceKey);

    private static (string PromptId, int PromptVersion, ChatOptions? Options) Strip(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } props
            || !(props.ContainsKey(LlmRequestProperties.PromptId) || props.ContainsKey(LlmRequestProperties.PromptVersion)))
            return ("", 0, options);
        var id = props.TryGetValue(LlmRequestProperties.PromptId, out var i) ? i?.ToString() ?? "" : "";
        var version = props.TryGetValue(LlmRequestProperties.PromptVersion, out var v) && v is int n ? n : 0;
        var clone = options.Clone();
        var rest = new AdditionalPropertiesDictionary(props.Where(p => p.Key is not (LlmRequestProperties.PromptId or LlmRequestProperties.PromptVersion)));
        clone.AdditionalProperties = rest.Count == 0 ? null : rest;
        return (id, version, clone);
    }
}
