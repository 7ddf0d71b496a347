namespace Inkstone.Llm.Prompts;

/// <summary>A prompt file cannot be read; the message names the file and line.</summary>
public sealed class PromptFormatException : Exception
{
    public PromptFormatException(string message) : base(message) { }
    public PromptFormatException(string message, Exception inner) : base(message, inner) { }
    public PromptFormatException() { }
}
