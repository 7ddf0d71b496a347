using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>The four reasoning behaviours of the paper's Appendix C.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReasoningBehaviour>))]
public enum ReasoningBehaviour
{
    [JsonStringEnumMemberName("normal_writing")] NormalWriting,
    [JsonStringEnumMemberName("deep_reasoning")] DeepReasoning,
    [JsonStringEnumMemberName("self_exploration")] SelfExploration,
    [JsonStringEnumMemberName("self_reflection")] SelfReflection,
}
