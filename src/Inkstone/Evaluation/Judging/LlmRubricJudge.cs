using Inkstone.Evaluation.Judgments;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// Asks an LLM for the five 0–3 rubric scores of one answer (prompt <c>judge.rubric</c>, result <see cref="RubricResult"/>);
/// a failed call or an invalid answer is an error with its diagnostic, not a score.
/// </summary>
public sealed class LlmRubricJudge(IStructuredLlm llm, PromptTemplate prompt, ModelConfiguration model)
{
    /// <summary>The prompt's <c>id@vN</c>, recorded with every judgment.</summary>
    public string PromptVersion => prompt.Key;

    public async Task<(IReadOnlyDictionary<RubricDimension, int>? Scores, string? Error)> ScoreAsync(string query, string answer, CancellationToken cancellationToken = default)
    {
        var outcome = await llm.RunAsync<RubricResult>(prompt, new Dictionary<string, string>(StringComparer.Ordinal) { ["query"] = query, ["answer"] = answer },
            model, cancellationToken).ConfigureAwait(false);
        if (!outcome.IsSuccess) return (null, JudgeFailure.Describe(outcome.Failure));
        var r = outcome.Value;
        return (new Dictionary<RubricDimension, int>
        {
            [RubricDimension.ContentQuality] = r.ContentQuality,
            [RubricDimension.CreativeMerit] = r.CreativeMerit,
            [RubricDimension.CulturalAppropriateness] = r.CulturalAppropriateness,
            [RubricDimension.TaskFulfilment] = r.TaskFulfilment,
            [RubricDimension.OverallPreference] = r.OverallPreference,
        }, null);
    }
}
