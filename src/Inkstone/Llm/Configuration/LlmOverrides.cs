namespace Inkstone.Llm.Configuration;

/// <summary>Values from environment variables or command-line flags that amend one model (the named one, or the default).</summary>
public sealed record LlmOverrides
{
    /// <summary>The model these values apply to; also becomes the default model.</summary>
    public string? ModelName { get; init; }
    public Uri? BaseUrl { get; init; }
    public string? Model { get; init; }
    public string? ApiKeyEnvironmentVariable { get; init; }
    public string? ModelPath { get; init; }
    public StructuredOutputMode? StructuredOutput { get; init; }
    public MaxTokensParameter? MaxTokensParameter { get; init; }
    public int? MaxConcurrency { get; init; }
    public string? PromptDirectory { get; init; }
    public string? ModelDirectory { get; init; }
    public bool? CacheEnabled { get; init; }

    public bool TouchesModel => BaseUrl is not null || Model is not null || ApiKeyEnvironmentVariable is not null || ModelPath is not null
        || StructuredOutput is not null || MaxTokensParameter is not null || MaxConcurrency is not null;

    /// <summary>Reads INKSTONE_LLM_* variables (see docs/configuration.md).</summary>
    public static LlmOverrides FromEnvironment(Func<string, string?> getVariable)
    {
        string? Get(string name) => getVariable(name) is { Length: > 0 } v ? v : null;
        return new LlmOverrides
        {
            ModelName = Get("INKSTONE_LLM_MODEL_NAME"),
            BaseUrl = Get("INKSTONE_LLM_BASE_URL") is { } url ? LlmSettingsLoader.ParseUrl(url, "INKSTONE_LLM_BASE_URL") : null,
            Model = Get("INKSTONE_LLM_MODEL"),
            ApiKeyEnvironmentVariable = Get("INKSTONE_LLM_API_KEY_ENV"),
            ModelPath = Get("INKSTONE_LLM_MODEL_PATH"),
            StructuredOutput = Get("INKSTONE_LLM_STRUCTURED_OUTPUT") is { } so ? LlmSettingsLoader.ParseEnum<StructuredOutputMode>(so, "INKSTONE_LLM_STRUCTURED_OUTPUT") : null,
            MaxTokensParameter = Get("INKSTONE_LLM_MAX_TOKENS_PARAMETER") is { } mt ? LlmSettingsLoader.ParseEnum<MaxTokensParameter>(mt, "INKSTONE_LLM_MAX_TOKENS_PARAMETER") : null,
            PromptDirectory = Get("INKSTONE_PROMPTS_DIR"),
            ModelDirectory = Get("INKSTONE_MODELS_DIR"),
        };
    }

    /// <summary>This set, with every value <paramref name="later"/> gives taking precedence.</summary>
    public LlmOverrides Then(LlmOverrides later) => new()
    {
        ModelName = later.ModelName ?? ModelName,
        BaseUrl = later.BaseUrl ?? BaseUrl,
        Model = later.Model ?? Model,
        ApiKeyEnvironmentVariable = later.ApiKeyEnvironmentVariable ?? ApiKeyEnvironmentVariable,
        ModelPath = later.ModelPath ?? ModelPath,
        StructuredOutput = later.StructuredOutput ?? StructuredOutput,
        MaxTokensParameter = later.MaxTokensParameter ?? MaxTokensParameter,
        MaxConcurrency = later.MaxConcurrency ?? MaxConcurrency,
        PromptDirectory = later.PromptDirectory ?? PromptDirectory,
        ModelDirectory = later.ModelDirectory ?? ModelDirectory,
        CacheEnabled = later.CacheEnabled ?? CacheEnabled,
    };
}
