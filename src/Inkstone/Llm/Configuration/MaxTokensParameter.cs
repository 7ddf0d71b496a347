namespace Inkstone.Llm.Configuration;

/// <summary>Which request field carries the output-token limit; the OpenAI client sends <c>max_completion_tokens</c>, some servers read only <c>max_tokens</c>.</summary>
public enum MaxTokensParameter
{
    MaxCompletionTokens,
    MaxTokens,
}
