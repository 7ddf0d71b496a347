namespace Inkstone.Llm.Configuration;

/// <summary>How a typed answer is requested from the server.</summary>
public enum StructuredOutputMode
{
    /// <summary><c>response_format: json_schema</c> with the result type's schema (strictest; vLLM, SGLang, llama.cpp server, OpenAI).</summary>
    JsonSchema,

    /// <summary><c>response_format: json_object</c> with the schema written into the prompt, for servers without json_schema (DeepSeek, older Ollama).</summary>
    JsonObject,
}
