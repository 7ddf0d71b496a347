using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;

namespace Inkstone.Llm.Structured;

/// <summary>
/// What curation and evaluation steps call: render a prompt, ask a model, return a validated result or a recorded
/// failure. Neither method throws for a bad answer or a failed call; only cancellation and misuse (a missing prompt
/// variable, an unusable configuration) throw.
/// </summary>
public interface IStructuredLlm
{
    Task<LlmOutcome<TResult>> RunAsync<TResult>(PromptTemplate template, IReadOnlyDictionary<string, string> variables, ModelConfiguration model, CancellationToken cancellationToken = default)
        where TResult : class, IValidatedResult;

    /// <summary>Free-text steps (analyses for annotators, drafts): the answer's text, or a failure when it is empty or cut off.</summary>
    Task<LlmOutcome<string>> RunTextAsync(PromptTemplate template, IReadOnlyDictionary<string, string> variables, ModelConfiguration model, CancellationToken cancellationToken = default);
}
