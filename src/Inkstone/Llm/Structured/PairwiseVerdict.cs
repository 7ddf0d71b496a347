using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>A pairwise judgment: answer A, answer B or a tie, with the reason.</summary>
public sealed record PairwiseVerdict : IValidatedResult
{
    [JsonPropertyName("winner")]
    public required PairwiseWinner Winner { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    public IReadOnlyList<string> Validate() =>
        Enum.IsDefined(Winner) ? [] : [$"winner = {(int)Winner}: not A, B or tie"];
}
