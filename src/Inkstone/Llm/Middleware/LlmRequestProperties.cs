namespace Inkstone.Llm.Middleware;

/// <summary>
/// Keys in <c>ChatOptions.AdditionalProperties</c> and <c>ChatResponse.AdditionalProperties</c> that carry Inkstone's
/// own facts through the pipeline. The cache layer removes the request keys before anything reaches a backend.
/// </summary>
public static class LlmRequestProperties
{
    public const string PromptId = "inkstone.prompt_id";
    public const string PromptVersion = "inkstone.prompt_version";

    /// <summary>On a response: true when it came from the persistent cache.</summary>
    public const string CacheHit = "inkstone.cache_hit";

    /// <summary>On a response: the cache key it is stored under.</summary>
    public const string CacheKey = "inkstone.cache_key";
}
