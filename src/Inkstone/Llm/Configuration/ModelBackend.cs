namespace Inkstone.Llm.Configuration;

/// <summary>Where a model runs.</summary>
public enum ModelBackend
{
    /// <summary>Any server speaking the OpenAI chat-completions protocol (vLLM, SGLang, llama.cpp server, Ollama /v1, DeepSeek, DashScope).</summary>
    OpenAICompatible,

    /// <summary>A GGUF file run in-process on the CPU with LLamaSharp.</summary>
    Embedded,
}
