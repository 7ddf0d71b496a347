using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>
/// Reasoning-behaviour labels for segments 1…n of a reasoning text, one label per segment. Validation checks that the
/// segments are exactly 1…n; the caller compares n with the number of segments it sent.
/// </summary>
public sealed record ReasoningLabels : IValidatedResult
{
    [JsonPropertyName("labels")]
    public required IReadOnlyList<ReasoningSegmentLabel> Labels { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Labels.Count == 0) errors.Add("labels: empty");
        for (var i = 0; i < Labels.Count; i++)
        {
            if (Labels[i] is null) { errors.Add($"labels[{i}]: null"); continue; }
            if (Labels[i].Segment != i + 1) errors.Add($"labels[{i}].segment = {Labels[i].Segment}: expected {i + 1} (segments in order, each once)");
            if (!Enum.IsDefined(Labels[i].Behaviour)) errors.Add($"labels[{i}].behaviour: unknown value");
        }
        return errors;
    }
}
