namespace Inkstone.Training;

/// <summary>How a triplet's reasoning appears in the assistant turn.</summary>
public enum ThoughtRendering
{
    /// <summary><c>&lt;think&gt;\n{thought}\n&lt;/think&gt;\n\n{answer}</c>: the block LLaMA-Factory's reasoning templates (qwen3, deepseekr1) recognise.</summary>
    ThinkBlock,

    /// <summary>The answer alone; the reasoning is not trained on.</summary>
    Drop,

    /// <summary><c>{thought}\n\n{answer}</c>: the reasoning as plain text before the answer.</summary>
    PlainPrefix,
}
