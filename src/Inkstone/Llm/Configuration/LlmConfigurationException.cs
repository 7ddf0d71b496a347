namespace Inkstone.Llm.Configuration;

/// <summary>The configuration cannot be used as written; the message names the file and field.</summary>
public sealed class LlmConfigurationException : Exception
{
    public LlmConfigurationException(string message) : base(message) { }
    public LlmConfigurationException(string message, Exception inner) : base(message, inner) { }
    public LlmConfigurationException() { }
}
