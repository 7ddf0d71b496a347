namespace Inkstone.Llm.Configuration;

/// <summary>The model layer's configuration: named models, which model plays which role, prompts and cache.</summary>
public sealed record LlmSettings
{
    public const string DefaultModelName = "default";

    public IReadOnlyDictionary<string, ModelConfiguration> Models { get; init; } = new Dictionary<string, ModelConfiguration>(StringComparer.Ordinal);

    /// <summary>Role (e.g. "judge") to model name.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Model used for a role with no mapping.</summary>
    public string DefaultModel { get; init; } = DefaultModelName;

    /// <summary>Folder whose <c>*.prompt</c> files replace built-in prompts of the same id; null for built-ins only.</summary>
    public string? PromptDirectory { get; init; }

    /// <summary>Folder that <c>inkstone model pull</c> downloads GGUF files into.</summary>
    public string ModelDirectory { get; init; } = DefaultModelDirectory();

    public bool CacheEnabled { get; init; } = true;

    /// <summary>The model for a role, or for a model name given directly.</summary>
    public ModelConfiguration Resolve(string roleOrName)
    {
        if (Models.TryGetValue(roleOrName, out var direct)) return direct;
        var name = Roles.TryGetValue(roleOrName, out var mapped) ? mapped : DefaultModel;
        if (Models.TryGetValue(name, out var model)) return model;
        throw new LlmConfigurationException(
            $"no model named '{name}' (asked for '{roleOrName}'); configured: {(Models.Count == 0 ? "none" : string.Join(", ", Models.Keys))}");
    }

    public static string DefaultModelDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache)) cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "inkstone", "models");
    }
}
