using Inkstone.Model;

namespace Inkstone.Training;

/// <summary>
/// Turns triplets into chat samples: the prompt is the user turn; the assistant turn is the answer with the reasoning
/// placed by <see cref="ThoughtRendering"/>. The think block is written exactly as Qwen3-style chat templates write it
/// (<c>&lt;think&gt;\n…\n&lt;/think&gt;\n\n</c>), which is also the pair of thought words LLaMA-Factory's reasoning
/// templates look for: a sample that carries the block is trained on it, one that lacks it gets an empty block.
/// </summary>
public static class SftRenderer
{
    public const string ThinkOpen = "<think>\n";
    public const string ThinkClose = "\n</think>\n\n";
    public const string PlainPrefixSeparator = "\n\n";

    public static SftSample Render(Triplet triplet, ThoughtRendering thought, string? systemPrompt = null)
    {
        ArgumentNullException.ThrowIfNull(triplet);
        return new SftSample(
            "cw:" + triplet.Id,
            SampleOrigin.Process,
            triplet.GenreId,
            systemPrompt,
            [new ChatTurn(ChatRole.User, triplet.Query), new ChatTurn(ChatRole.Assistant, RenderAssistant(triplet.Thought, triplet.Answer, thought))]);
    }

    public static SftSample Render(GeneralSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new SftSample(sample.Id, SampleOrigin.General, null, sample.System, sample.Turns);
    }

    public static string RenderAssistant(string thought, string answer, ThoughtRendering rendering) => rendering switch
    {
        ThoughtRendering.ThinkBlock => ThinkOpen + thought + ThinkClose + answer,
        ThoughtRendering.Drop => answer,
        ThoughtRendering.PlainPrefix => thought + PlainPrefixSeparator + answer,
        _ => throw new ArgumentOutOfRangeException(nameof(rendering)),
    };

    /// <summary>Splits a think-block assistant turn back into reasoning and answer; false when the text has no leading block.</summary>
    public static bool TrySplitThinkBlock(string assistant, out string thought, out string answer)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        thought = "";
        answer = assistant;
        if (!assistant.StartsWith(ThinkOpen, StringComparison.Ordinal)) return false;
        var close = assistant.IndexOf(ThinkClose, ThinkOpen.Length - 1, StringComparison.Ordinal);
        if (close < 0) return false;
        // An empty thought renders as "<think>\n\n</think>\n\n": the closing marker then starts inside the opening one.
        thought = close < ThinkOpen.Length ? "" : assistant[ThinkOpen.Length..close];
        answer = assistant[(close + ThinkClose.Length)..];
        return true;
    }

    /// <summary>
    /// Why a triplet cannot be rendered faithfully, or null. Think tags inside the texts would make the block
    /// ambiguous to the trainer (LLaMA-Factory removes and detects thoughts by these tags).
    /// </summary>
    public static ProcessDataIssue? Check(Triplet triplet, ThoughtRendering rendering)
    {
        ArgumentNullException.ThrowIfNull(triplet);
        if (string.IsNullOrWhiteSpace(triplet.Query)) return new ProcessDataIssue(triplet.Id, "query", "empty");
        if (string.IsNullOrWhiteSpace(triplet.Answer)) return new ProcessDataIssue(triplet.Id, "answer", "empty");
        if (rendering != ThoughtRendering.Drop && string.IsNullOrWhiteSpace(triplet.Thought))
            return new ProcessDataIssue(triplet.Id, "thought", "empty (use thought rendering 'drop' to train without reasoning)");
        if (rendering == ThoughtRendering.ThinkBlock)
        {
            foreach (var (field, text) in new[] { ("query", triplet.Query), ("thought", triplet.Thought), ("answer", triplet.Answer) })
                if (text.Contains("<think>", StringComparison.Ordinal) || text.Contains("</think>", StringComparison.Ordinal))
                    return new ProcessDataIssue(triplet.Id, field, "contains a <think> or </think> tag, which would break the think block");
        }

        return null;
    }
}
