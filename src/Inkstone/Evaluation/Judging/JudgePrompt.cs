using System.Text.RegularExpressions;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// A versioned judge prompt template with {{name}} placeholders. The version (e.g. "pairwise-judge.v1") is recorded with
/// every verdict; since the rendered text is part of every request, a changed template never reuses a cached answer.
/// </summary>
public sealed partial class JudgePrompt
{
    private JudgePrompt(string version, string template)
    {
        Version = version;
        Template = template;
    }

    public string Version { get; }

    public string Template { get; }

    public static JudgePrompt PairwiseV1 { get; } = Embedded("pairwise-judge.v1");

    public static JudgePrompt RubricV1 { get; } = Embedded("rubric-judge.v1");

    public static JudgePrompt BehaviorV1 { get; } = Embedded("reasoning-behavior.v1");

    public static JudgePrompt FromFile(string path) => new(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));

    /// <summary>Fills the placeholders in one pass, so that text inside an answer is never treated as a placeholder.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(Template, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new KeyNotFoundException($"prompt {Version}: no value for placeholder {{{{{m.Groups[1].Value}}}}}"));
    }

    private static JudgePrompt Embedded(string version)
    {
        using var stream = typeof(JudgePrompt).Assembly.GetManifestResourceStream($"Inkstone.Evaluation.Prompts.{version}.md")
            ?? throw new InvalidOperationException($"embedded prompt {version} missing");
        using var reader = new StreamReader(stream);
        return new JudgePrompt(version, reader.ReadToEnd());
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
