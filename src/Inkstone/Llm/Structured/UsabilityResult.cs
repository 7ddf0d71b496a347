using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>The usability pre-analysis: whether a text is worth annotating, and why not.</summary>
public sealed record UsabilityResult : IValidatedResult
{
    [JsonPropertyName("usable")]
    public required bool Usable { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    public IReadOnlyList<string> Validate() =>
        !Usable && string.IsNullOrWhiteSpace(Reason) ? ["reason: required when usable is false"] : [];
}
