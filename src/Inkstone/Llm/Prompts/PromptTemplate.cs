using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Prompts;

/// <summary>
/// A versioned prompt: id and version name it in caches, diagnostics and audit records; <c>{{name}}</c> placeholders in
/// the system and user parts are filled at render time. Changing the wording of a prompt means raising its version.
/// </summary>
public sealed partial record PromptTemplate
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Where the template came from (built-in resource or a user file), for error messages.</summary>
    public string Source { get; init; } = "";
    public string System { get; init; } = "";
    public required string User { get; init; }

    /// <summary>Placeholders the template uses, in order of first appearance.</summary>
    public IReadOnlyList<string> Variables => PlaceholderPattern().Matches(System + "\n" + User)
        .Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    public string Key => $"{Id}@v{Version}";

    /// <summary>The chat messages with every placeholder filled; a placeholder without a value is an error naming the prompt.</summary>
    public IReadOnlyList<ChatMessage> Render(IReadOnlyDictionary<string, string> variables)
    {
        var missing = Variables.Where(v => !variables.ContainsKey(v)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"prompt {Key} ({Source}): no value for {string.Join(", ", missing.Select(m => "{{" + m + "}}"))}", nameof(variables));
        var messages = new List<ChatMessage>(2);
        if (System.Length > 0) messages.Add(new ChatMessage(ChatRole.System, Fill(System, variables)));
        messages.Add(new ChatMessage(ChatRole.User, Fill(User, variables)));
        return messages;
    }

    // One pass, so a value that itself contains "{{x}}" is not expanded again.
    private static string Fill(string text, IReadOnlyDictionary<string, string> variables) =>
        PlaceholderPattern().Replace(text, m => variables[m.Groups[1].Value]);

    [GeneratedRegex(@"\{\{([a-z_][a-z0-9_]*)\}\}")]
    private static partial Regex PlaceholderPattern();

    public override string ToString()
    {
        var sb = new StringBuilder().Append(Key);
        if (Description.Length > 0) sb.Append(" — ").Append(Description);
        return sb.ToString();
    }
}
