namespace Inkstone.Training;

/// <summary>The line formats accepted for general-purpose SFT data (one JSON object per line).</summary>
public enum GeneralDataFormat
{
    /// <summary><c>instruction</c> / <c>input</c> / <c>output</c>, optional <c>system</c> and <c>history</c>.</summary>
    Alpaca,

    /// <summary><c>conversations</c>: <c>[{"from": "human"|"gpt"|"system", "value": ...}]</c>, optional <c>system</c>.</summary>
    ShareGpt,

    /// <summary><c>messages</c>: <c>[{"role": "system"|"user"|"assistant", "content": ...}]</c>.</summary>
    OpenAiMessages,
}
