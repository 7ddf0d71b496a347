using System.Reflection;

namespace Inkstone.Llm.Prompts;

/// <summary>
/// The prompts by id: the built-in ones (embedded <c>Llm/Prompts/*.prompt</c>), each replaceable by a file of the same id
/// in a user directory. A user file may also add new ids.
/// </summary>
public sealed class PromptLibrary
{
    private const string ResourcePrefix = "Inkstone.Llm.Prompts.";
    private readonly Dictionary<string, PromptTemplate> _templates;

    private PromptLibrary(Dictionary<string, PromptTemplate> templates) => _templates = templates;

    public IReadOnlyCollection<PromptTemplate> Templates => _templates.Values;

    /// <summary>Built-in prompts only.</summary>
    public static PromptLibrary BuiltIn { get; } = new(LoadBuiltIn());

    /// <summary>Built-in prompts with those in <paramref name="userDirectory"/> (if given) taking precedence by id.</summary>
    public static PromptLibrary Load(string? userDirectory)
    {
        var templates = LoadBuiltIn();
        if (userDirectory is null) return new PromptLibrary(templates);
        if (!Directory.Exists(userDirectory)) throw new PromptFormatException($"{userDirectory}: prompt directory not found");
        foreach (var file in Directory.EnumerateFiles(userDirectory, "*.prompt").Order(StringComparer.Ordinal))
        {
            var template = PromptFileParser.Parse(File.ReadAllText(file), file);
            templates[template.Id] = template;
        }
        return new PromptLibrary(templates);
    }

    public PromptTemplate Get(string id) =>
        _templates.TryGetValue(id, out var t) ? t : throw new KeyNotFoundException($"no prompt with id '{id}'; known: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}");

    private static Dictionary<string, PromptTemplate> LoadBuiltIn()
    {
        var assembly = typeof(PromptLibrary).Assembly;
        var templates = new Dictionary<string, PromptTemplate>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".prompt", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var template = PromptFileParser.Parse(reader.ReadToEnd(), "built-in " + name[ResourcePrefix.Length..]);
            if (!templates.TryAdd(template.Id, template)) throw new PromptFormatException($"built-in prompt id '{template.Id}' appears twice");
        }
        return templates;
    }
}
