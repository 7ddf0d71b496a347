namespace Inkstone.Evaluation.Analysis;

/// <summary>File names of the behaviours and how an output is cut into segments.</summary>
public static class ReasoningBehaviors
{
    public static IReadOnlyList<ReasoningBehavior> All { get; } = Enum.GetValues<ReasoningBehavior>();

    public static string Name(ReasoningBehavior behavior) => behavior switch
    {
        ReasoningBehavior.NormalWriting => "normal_writing",
        ReasoningBehavior.DeepReasoning => "deep_reasoning",
        ReasoningBehavior.SelfExploration => "self_exploration",
        ReasoningBehavior.SelfReflection => "self_reflection",
        _ => throw new ArgumentOutOfRangeException(nameof(behavior), behavior, null),
    };

    public static bool TryParse(string name, out ReasoningBehavior behavior)
    {
        foreach (var b in All)
            if (string.Equals(Name(b), name?.Trim(), StringComparison.OrdinalIgnoreCase)) { behavior = b; return true; }
        behavior = default;
        return false;
    }

    /// <summary>
    /// The segments of a model's output: its reasoning (if any) followed by its answer, cut at line breaks, with blank
    /// lines dropped. Segment i of a record is always the same text, so labels can be stored by index.
    /// </summary>
    public static IReadOnlyList<string> Segments(string? reasoning, string? answer) =>
        new[] { reasoning, answer }.Where(t => !string.IsNullOrWhiteSpace(t))
            .SelectMany(t => t!.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToArray();
}
