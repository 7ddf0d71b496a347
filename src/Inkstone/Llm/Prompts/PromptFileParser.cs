using System.Globalization;

namespace Inkstone.Llm.Prompts;

/// <summary>
/// Reads the <c>.prompt</c> format: <c>key: value</c> header lines (id, version, description), then sections opened by
/// <c>=== system</c> and <c>=== user</c> lines. Section text is kept verbatim apart from trimming blank edges.
/// </summary>
internal static class PromptFileParser
{
    public static PromptTemplate Parse(string text, string source)
    {
        string? id = null, description = null;
        int? version = null;
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"{source}: line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            if (line.StartsWith("===", StringComparison.Ordinal))
            {
                var name = line[3..].Trim();
                if (name is not ("system" or "user")) throw new PromptFormatException($"{where}: unknown section '{name}' (system, user)");
                if (sections.ContainsKey(name)) throw new PromptFormatException($"{where}: section '{name}' appears twice");
                sections[name] = current = [];
                continue;
            }
            if (current is not null) { current.Add(line); continue; }
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw new PromptFormatException($"{where}: expected 'key: value' before the first '=== ' section");
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "id": id = value; break;
                case "description": description = value; break;
                case "version":
                    version = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                        ? v : throw new PromptFormatException($"{where}: version must be a positive integer, found '{value}'");
                    break;
                default: throw new PromptFormatException($"{where}: unknown header '{key}' (id, version, description)");
            }
        }
        if (string.IsNullOrEmpty(id)) throw new PromptFormatException($"{source}: missing 'id:' header");
        if (version is null) throw new PromptFormatException($"{source}: missing 'version:' header");
        if (!sections.TryGetValue("user", out var user)) throw new PromptFormatException($"{source}: missing '=== user' section");
        return new PromptTemplate
        {
            Id = id,
            Version = version.Value,
            Description = description ?? "",
            Source = source,
            System = sections.TryGetValue("system", out var system) ? Join(system) : "",
            User = Join(user),
        };
    }

    private static string Join(List<string> lines) => string.Join('\n', lines).Trim('\n', ' ');
}
