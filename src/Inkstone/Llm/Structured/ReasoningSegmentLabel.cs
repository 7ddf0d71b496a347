using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>The behaviour of one numbered segment (1-based) of a reasoning text.</summary>
public sealed record ReasoningSegmentLabel
{
    [JsonPropertyName("segment"), Range(1, 10000)]
    public required int Segment { get; init; }

    [JsonPropertyName("behaviour")]
    public required ReasoningBehaviour Behaviour { get; init; }
}
