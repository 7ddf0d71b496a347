namespace Inkstone.Llm.Structured;

/// <summary>What a call was: which model and prompt, whether it was answered from the cache, its tokens and its duration.</summary>
public sealed record LlmCallInfo(string ModelName, string PromptKey, bool FromCache, LlmUsage Usage, TimeSpan Duration);
