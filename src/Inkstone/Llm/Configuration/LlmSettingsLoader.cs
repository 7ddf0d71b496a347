using System.Globalization;
using System.Text.Json;
using Inkstone.Configuration;
using Inkstone.Llm.Download;

namespace Inkstone.Llm.Configuration;

/// <summary>
/// Builds <see cref="LlmSettings"/> from the <c>llm</c> section of <c>inkstone.json</c>, then environment variables, then
/// command-line flags (later wins). With no model configured anywhere, the default is the embedded model pulled by
/// <c>inkstone model pull</c>.
/// </summary>
public static class LlmSettingsLoader
{
    public const string FileName = "inkstone.json";

    /// <summary>Loads <paramref name="configFile"/> (or ./inkstone.json when present) and applies the overrides in order.</summary>
    public static LlmSettings Load(string? configFile, params LlmOverrides[] overrides)
    {
        var path = configFile ?? (File.Exists(FileName) ? FileName : null);
        if (configFile is not null && !File.Exists(configFile))
            throw new LlmConfigurationException($"{configFile}: configuration file not found");
        var settings = path is null ? new LlmSettings() : Parse(File.ReadAllText(path), path);
        var merged = overrides.Aggregate(new LlmOverrides(), (acc, o) => acc.Then(o));
        return Apply(settings, merged);
    }

    /// <summary>Parses the JSON text of a configuration file; <paramref name="source"/> names it in errors.</summary>
    public static LlmSettings Parse(string json, string source)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new LlmConfigurationException($"{source}: line {e.LineNumber + 1}: {e.Message}", e); }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("llm", out var llm)) return new LlmSettings();
            var at = $"{source}: llm";
            Expect(llm, JsonValueKind.Object, at);
            var models = new Dictionary<string, ModelConfiguration>(StringComparer.Ordinal);
            if (llm.TryGetProperty("models", out var modelsElement))
            {
                Expect(modelsElement, JsonValueKind.Object, at + ".models");
                foreach (var m in modelsElement.EnumerateObject())
                    models[m.Name] = ParseModel(m.Name, m.Value, $"{at}.models.{m.Name}");
            }
            var roles = new Dictionary<string, string>(StringComparer.Ordinal);
            if (llm.TryGetProperty("roles", out var rolesElement))
            {
                Expect(rolesElement, JsonValueKind.Object, at + ".roles");
                foreach (var r in rolesElement.EnumerateObject())
                {
                    var name = String(r.Value, $"{at}.roles.{r.Name}");
                    if (!models.ContainsKey(name)) throw new LlmConfigurationException($"{at}.roles.{r.Name}: no model named '{name}' under llm.models");
                    roles[r.Name] = name;
                }
            }
            var settings = new LlmSettings { Models = models, Roles = roles };
            foreach (var p in llm.EnumerateObject())
            {
                var field = $"{at}.{p.Name}";
                settings = p.Name switch
                {
                    "models" or "roles" => settings,
                    "default_model" => settings with { DefaultModel = String(p.Value, field) },
                    "prompt_directory" => settings with { PromptDirectory = String(p.Value, field) },
                    "model_directory" => settings with { ModelDirectory = String(p.Value, field) },
                    "cache" => settings with { CacheEnabled = Bool(p.Value, field) },
                    _ => throw new LlmConfigurationException($"{field}: unknown setting{NameSuggestion.Hint(p.Name, s_sectionKeys)}"),
                };
            }
            if (models.Count > 0 && !models.ContainsKey(settings.DefaultModel))
                settings = llm.TryGetProperty("default_model", out _)
                    ? throw new LlmConfigurationException($"{at}.default_model: no model named '{settings.DefaultModel}' under llm.models")
                    : settings with { DefaultModel = models.Keys.First() };
            return settings;
        }
    }

    private static readonly string[] s_sectionKeys = ["models", "roles", "default_model", "prompt_directory", "model_directory", "cache"];

    private static readonly string[] s_modelKeys =
    [
        "backend", "model", "base_url", "api_key_env", "structured_output", "max_tokens_parameter",
        "max_output_tokens", "temperature", "top_p", "system_prompt", "seed", "max_concurrency",
        "requests_per_minute", "tokens_per_minute", "retry_attempts", "invalid_answer_retries", "retry_base_delay_s",
        "retry_max_delay_s", "attempt_timeout_s", "model_path", "context_size", "threads",
    ];

    private static ModelConfiguration ParseModel(string name, JsonElement e, string at)
    {
        Expect(e, JsonValueKind.Object, at);
        var model = new ModelConfiguration { Name = name };
        foreach (var p in e.EnumerateObject())
        {
            var field = $"{at}.{p.Name}";
            model = p.Name switch
            {
                "backend" => model with { Backend = String(p.Value, field) switch
                {
                    "openai" or "openai_compatible" => ModelBackend.OpenAICompatible,
                    "embedded" => ModelBackend.Embedded,
                    var other => throw new LlmConfigurationException($"{field}: '{other}' is not a backend (openai, embedded)"),
                } },
                "model" => model with { Model = String(p.Value, field) },
                "base_url" => p.Value.ValueKind == JsonValueKind.Array ? WithBaseUrls(model, p.Value, field)
                    : model with { BaseUrl = ParseUrl(String(p.Value, field), field), AdditionalBaseUrls = [] },
                "api_key_env" => model with { ApiKeyEnvironmentVariable = String(p.Value, field) },
                "structured_output" => model with { StructuredOutput = ParseEnum<StructuredOutputMode>(String(p.Value, field), field) },
                "max_tokens_parameter" => model with { MaxTokensParameter = ParseEnum<MaxTokensParameter>(String(p.Value, field), field) },
                "max_output_tokens" => model with { MaxOutputTokens = Int(p.Value, field, 1) },
                "temperature" => model with { Temperature = (float)Number(p.Value, field) },
                "top_p" => model with { TopP = (float)Number(p.Value, field) },
                "system_prompt" => model with { SystemPrompt = String(p.Value, field) },
                "seed" => model with { Seed = Int(p.Value, field, int.MinValue) },
                "max_concurrency" => model with { MaxConcurrency = Int(p.Value, field, 1) },
                "requests_per_minute" => model with { RequestsPerMinute = Int(p.Value, field, 0) },
                "tokens_per_minute" => model with { TokensPerMinute = Int(p.Value, field, 0) },
                "retry_attempts" => model with { RetryAttempts = Int(p.Value, field, 0) },
                "invalid_answer_retries" => model with { InvalidAnswerRetries = Int(p.Value, field, 0) },
                "retry_base_delay_s" => model with { RetryBaseDelay = Seconds(p.Value, field) },
                "retry_max_delay_s" => model with { RetryMaxDelay = Seconds(p.Value, field) },
                "attempt_timeout_s" => model with { AttemptTimeout = Seconds(p.Value, field) },
                "model_path" => model with { ModelPath = String(p.Value, field) },
                "context_size" => model with { ContextSize = (uint)Int(p.Value, field, 256) },
                "threads" => model with { Threads = Int(p.Value, field, 1) },
                _ => throw new LlmConfigurationException($"{field}: unknown setting{NameSuggestion.Hint(p.Name, s_modelKeys)}"),
            };
        }
        return Validate(model, at);
    }

    /// <summary><c>base_url</c> as a list: several servers of one model; the first is <see cref="ModelConfiguration.BaseUrl"/>.</summary>
    private static ModelConfiguration WithBaseUrls(ModelConfiguration model, JsonElement list, string field)
    {
        var urls = list.EnumerateArray().Select((e, i) => ParseUrl(String(e, $"{field}[{i}]"), $"{field}[{i}]")).ToList();
        if (urls.Count == 0) throw new LlmConfigurationException($"{field}: an empty list; give one URL or several");
        if (urls.Distinct().Count() != urls.Count) throw new LlmConfigurationException($"{field}: the same URL is listed twice");
        return model with { BaseUrl = urls[0], AdditionalBaseUrls = urls[1..] };
    }

    private static ModelConfiguration Validate(ModelConfiguration model, string at)
    {
        if (model.Backend == ModelBackend.OpenAICompatible)
        {
            if (model.BaseUrl is null) throw new LlmConfigurationException($"{at}.base_url: required for an openai backend");
            if (model.Model.Length == 0) throw new LlmConfigurationException($"{at}.model: required for an openai backend");
        }
        else if (string.IsNullOrEmpty(model.ModelPath))
        {
            throw new LlmConfigurationException($"{at}.model_path: required for an embedded backend (a GGUF file; see 'inkstone model pull')");
        }
        return model;
    }

    /// <summary>Applies environment or flag values to the model they name (creating it if needed) and to the global settings.</summary>
    public static LlmSettings Apply(LlmSettings settings, LlmOverrides o)
    {
        settings = settings with
        {
            PromptDirectory = o.PromptDirectory ?? settings.PromptDirectory,
            ModelDirectory = o.ModelDirectory ?? settings.ModelDirectory,
            CacheEnabled = o.CacheEnabled ?? settings.CacheEnabled,
        };
        var name = o.ModelName ?? settings.DefaultModel;
        var models = new Dictionary<string, ModelConfiguration>(settings.Models, StringComparer.Ordinal);
        if (o.TouchesModel || o.ModelName is not null)
        {
            var existing = models.GetValueOrDefault(name);
            if (existing is null && !o.TouchesModel)
                throw new LlmConfigurationException($"--model: no model named '{name}'; configured: {(models.Count == 0 ? "none" : string.Join(", ", models.Keys))}");
            var m = existing ?? new ModelConfiguration { Name = name, Backend = o.BaseUrl is null && o.ModelPath is not null ? ModelBackend.Embedded : ModelBackend.OpenAICompatible };
            if (o.BaseUrl is not null) m = m with { Backend = ModelBackend.OpenAICompatible, BaseUrl = o.BaseUrl, AdditionalBaseUrls = [] };
            if (o.ModelPath is not null && o.BaseUrl is null) m = m with { Backend = ModelBackend.Embedded, ModelPath = o.ModelPath };
            m = m with
            {
                Model = o.Model ?? m.Model,
                ApiKeyEnvironmentVariable = o.ApiKeyEnvironmentVariable ?? m.ApiKeyEnvironmentVariable,
                StructuredOutput = o.StructuredOutput ?? m.StructuredOutput,
                MaxTokensParameter = o.MaxTokensParameter ?? m.MaxTokensParameter,
                MaxConcurrency = o.MaxConcurrency ?? m.MaxConcurrency,
            };
            if (m.Backend == ModelBackend.Embedded && m.Model.Length == 0) m = m with { Model = Path.GetFileNameWithoutExtension(m.ModelPath ?? "") };
            models[name] = Validate(m, o.ModelName is null ? "environment/flags" : $"model '{name}'");
            settings = settings with { DefaultModel = name };
        }
        if (models.Count == 0)
        {
            // Nothing configured: the embedded default, so a laptop with no server still runs every step.
            var entry = ModelCatalog.Default;
            models[LlmSettings.DefaultModelName] = new ModelConfiguration
            {
                Name = LlmSettings.DefaultModelName,
                Backend = ModelBackend.Embedded,
                Model = entry.Name,
                ModelPath = Path.Combine(settings.ModelDirectory, entry.FileName),
            };
            settings = settings with { DefaultModel = LlmSettings.DefaultModelName };
        }
        return settings with { Models = models };
    }

    public static Uri ParseUrl(string value, string field) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new LlmConfigurationException($"{field}: '{value}' is not an http(s) URL");

    internal static T ParseEnum<T>(string value, string field) where T : struct, Enum
    {
        var normalized = value.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(normalized, ignoreCase: true, out var result) && Enum.IsDefined(result)
            ? result
            : throw new LlmConfigurationException($"{field}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(ToSnakeCase))}");
    }

    internal static string ToSnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static void Expect(JsonElement e, JsonValueKind kind, string field)
    {
        if (e.ValueKind != kind) throw new LlmConfigurationException($"{field}: expected {kind.ToString().ToLowerInvariant()}, found {e.ValueKind.ToString().ToLowerInvariant()}");
    }

    private static string String(JsonElement e, string field)
    {
        Expect(e, JsonValueKind.String, field);
        return e.GetString()!;
    }

    private static bool Bool(JsonElement e, string field) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new LlmConfigurationException($"{field}: expected true or false"),
    };

    private static double Number(JsonElement e, string field)
    {
        Expect(e, JsonValueKind.Number, field);
        return e.GetDouble();
    }

    private static int Int(JsonElement e, string field, int minimum)
    {
        Expect(e, JsonValueKind.Number, field);
        if (!e.TryGetInt32(out var value)) throw new LlmConfigurationException($"{field}: expected an integer");
        return value >= minimum ? value : throw new LlmConfigurationException($"{field}: must be at least {minimum.ToString(CultureInfo.InvariantCulture)}");
    }

    private static TimeSpan Seconds(JsonElement e, string field)
    {
        var value = Number(e, field);
        return value >= 0 ? TimeSpan.FromSeconds(value) : throw new LlmConfigurationException($"{field}: must not be negative");
    }
}
