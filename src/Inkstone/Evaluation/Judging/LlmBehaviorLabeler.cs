using System.Globalization;
using System.Text;
using Inkstone.Evaluation.Analysis;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// Labels every segment of a model's output with one of the four reasoning behaviours by asking an LLM once per output
/// (prompt <c>label.reasoning</c>, result <see cref="ReasoningLabels"/>). Segments are sent numbered from 1, one per
/// line; an answer with a different number of labels is an error. Nothing is guessed.
/// </summary>
public sealed class LlmBehaviorLabeler(IStructuredLlm llm, PromptTemplate prompt, ModelConfiguration model)
{
    /// <summary>The prompt's <c>id@vN</c>.</summary>
    public string PromptVersion => prompt.Key;

    public async Task<(IReadOnlyList<ReasoningBehavior>? Labels, string? Error)> LabelAsync(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0) return ([], null);
        var numbered = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
            numbered.Append(CultureInfo.InvariantCulture, $"{i + 1}. {segments[i].ReplaceLineEndings(" ")}").Append('\n');
        var outcome = await llm.RunAsync<ReasoningLabels>(prompt, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["segments"] = numbered.ToString(), ["segment_count"] = segments.Count.ToString(CultureInfo.InvariantCulture),
        }, model, cancellationToken).ConfigureAwait(false);
        if (!outcome.IsSuccess) return (null, JudgeFailure.Describe(outcome.Failure));
        var labels = outcome.Value.Labels;
        if (labels.Count != segments.Count) return (null, $"{labels.Count} labels for {segments.Count} segments");
        return (labels.Select(l => ToBehavior(l.Behaviour)).ToList(), null);
    }

    private static ReasoningBehavior ToBehavior(ReasoningBehaviour behaviour) => behaviour switch
    {
        ReasoningBehaviour.NormalWriting => ReasoningBehavior.NormalWriting,
        ReasoningBehaviour.DeepReasoning => ReasoningBehavior.DeepReasoning,
        ReasoningBehaviour.SelfExploration => ReasoningBehavior.SelfExploration,
        _ => ReasoningBehavior.SelfReflection,
    };
}
