namespace Inkstone.Llm.Caching;

/// <summary>One stored answer: the serialized <c>ChatResponse</c>, what produced it, its tokens and when it was stored.</summary>
public sealed record CachedResponse(string ModelIdentity, string PromptKey, string ResponseJson, long? InputTokens, long? OutputTokens, DateTimeOffset CreatedAt);
