using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>Which of two answers a judge prefers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PairwiseWinner>))]
public enum PairwiseWinner
{
    [JsonStringEnumMemberName("A")] A,
    [JsonStringEnumMemberName("B")] B,
    [JsonStringEnumMemberName("tie")] Tie,
}
