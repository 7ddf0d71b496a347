namespace Inkstone.Llm.Structured;

/// <summary>Tokens of one call as the backend reported them; null when it reported none.</summary>
public sealed record LlmUsage(long? InputTokens, long? OutputTokens)
{
    public static LlmUsage None { get; } = new(null, null);
}
