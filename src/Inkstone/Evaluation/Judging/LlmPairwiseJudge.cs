using Inkstone.Evaluation.Statistics;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// Asks an LLM which of two answers is better, in both orders: (A, B) and (B, A), each a typed <see cref="PairwiseVerdict"/>
/// call of the model layer (prompt <c>judge.pairwise</c>), so its cache, limits, retries and usage accounting apply.
/// The second verdict is mapped back to the original labels; if the two disagree the result is a tie marked
/// position-inconsistent (<see cref="PositionSwap"/>). A failed call is an error, never a verdict.
/// </summary>
public sealed class LlmPairwiseJudge(IStructuredLlm llm, PromptTemplate prompt, ModelConfiguration model)
{
    /// <summary>The prompt's <c>id@vN</c>, recorded with every judgment.</summary>
    public string PromptVersion => prompt.Key;

    public async Task<LlmPairwiseOutcome> JudgeAsync(string query, string answerA, string answerB, CancellationToken cancellationToken = default)
    {
        var original = await AskAsync(query, answerA, answerB, cancellationToken).ConfigureAwait(false);
        var swapped = await AskAsync(query, answerB, answerA, cancellationToken).ConfigureAwait(false);
        Verdict? first = original.IsSuccess ? ToVerdict(original.Value.Winner) : null;
        Verdict? back = swapped.IsSuccess ? PositionSwap.Unswap(ToVerdict(swapped.Value.Winner)) : null;
        if (first is null || back is null)
        {
            var errors = new[]
            {
                original.Failure is { } f1 ? "order A,B: " + JudgeFailure.Describe(f1) : null,
                swapped.Failure is { } f2 ? "order B,A: " + JudgeFailure.Describe(f2) : null,
            };
            return new LlmPairwiseOutcome(null, false, first, back, string.Join("; ", errors.Where(e => e is not null)));
        }
        var (verdict, inconsistent) = PositionSwap.Combine(first.Value, back.Value);
        return new LlmPairwiseOutcome(verdict, inconsistent, first, back, null);
    }

    private Task<LlmOutcome<PairwiseVerdict>> AskAsync(string query, string first, string second, CancellationToken cancellationToken) =>
        llm.RunAsync<PairwiseVerdict>(prompt, new Dictionary<string, string>(StringComparer.Ordinal) { ["query"] = query, ["answer_a"] = first, ["answer_b"] = second },
            model, cancellationToken);

    private static Verdict ToVerdict(PairwiseWinner winner) => winner switch
    {
        PairwiseWinner.A => Verdict.A,
        PairwiseWinner.B => Verdict.B,
        _ => Verdict.Tie,
    };
}
