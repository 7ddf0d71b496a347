namespace Inkstone.Llm.Configuration;

/// <summary>
/// One named model: where it runs, how to talk to it, and the limits the client keeps. Every field has a documented
/// default (docs/configuration.md); the name is what steps refer to ("screening", "scoring", "judge" or any other).
/// </summary>
public sealed record ModelConfiguration
{
    public required string Name { get; init; }
    public ModelBackend Backend { get; init; } = ModelBackend.OpenAICompatible;

    /// <summary>Model id sent to the server (or a label for the embedded model); part of the cache key.</summary>
    public string Model { get; init; } = "";

    /// <summary>Server base URL including the version segment, e.g. <c>http://localhost:8000/v1</c>.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>
    /// More servers of the same model (<c>base_url</c> given as a list): calls are spread over all of them, with one
    /// response cache and one usage ledger; <see cref="BaseUrl"/> is the first, and names the model in the cache.
    /// </summary>
    public IReadOnlyList<Uri> AdditionalBaseUrls { get; init; } = [];

    /// <summary>Name of the environment variable holding the API key; the key itself is never written to configuration.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    public StructuredOutputMode StructuredOutput { get; init; } = StructuredOutputMode.JsonSchema;
    public MaxTokensParameter MaxTokensParameter { get; init; } = MaxTokensParameter.MaxCompletionTokens;

    /// <summary>Output-token limit per call; null leaves it to the server.</summary>
    public int? MaxOutputTokens { get; init; } = 1024;
    public float? Temperature { get; init; } = 0f;

    /// <summary>Nucleus-sampling bound; null leaves it to the server.</summary>
    public float? TopP { get; init; }

    /// <summary>
    /// System message for free-text generation from a bare query (<c>eval generate</c>); prompt-based steps ignore it,
    /// since each prompt file has its own system section.
    /// </summary>
    public string? SystemPrompt { get; init; }
    public long? Seed { get; init; }

    /// <summary>Requests in flight at once for this model.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Request rate limit per minute; null or 0 means unlimited.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Token rate limit per minute (input + output); null or 0 means unlimited.</summary>
    public int? TokensPerMinute { get; init; }

    /// <summary>Retries after the first attempt on 429, 5xx, network errors and attempt timeouts.</summary>
    public int RetryAttempts { get; init; } = 5;

    /// <summary>
    /// How many times an answer that cannot be used (not JSON, wrong fields, out of range, empty, cut at the token limit)
    /// is asked for again within the same call before the item is quarantined. Model answers vary from one request to
    /// the next; one more ask usually saves a whole re-run of the item.
    /// </summary>
    public int InvalidAnswerRetries { get; init; } = 1;

    /// <summary>First retry delay; later ones grow exponentially with jitter unless the server sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on any one retry delay, including one asked for by Retry-After.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Embedded backend: the GGUF file.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Embedded backend: context length in tokens.</summary>
    public uint ContextSize { get; init; } = 4096;

    /// <summary>Embedded backend: CPU threads; null lets llama.cpp choose.</summary>
    public int? Threads { get; init; }

    /// <summary>The label the cache and usage records use: backend, model and endpoint, so two servers of one model name do not share answers.</summary>
    public string CacheIdentity => Backend == ModelBackend.Embedded
        ? $"embedded:{Model}:{(ModelPath is null ? "" : Path.GetFileName(ModelPath))}"
        : $"openai:{Model}@{BaseUrl}";
}
