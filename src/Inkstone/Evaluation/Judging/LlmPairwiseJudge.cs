using Inkstone.Evaluation.Statistics;
using Microsoft.Extensions.AI;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// Asks an LLM which of two answers is better, in both orders: (A, B) and (B, A). The second verdict is mapped back to
/// the original labels; if the two disagree the result is a tie marked position-inconsistent (<see cref="PositionSwap"/>).
/// Calls go through the given <see cref="IChatClient"/>, so the host's cache and limits apply.
/// </summary>
public sealed class LlmPairwiseJudge(IChatClient client, JudgePrompt? prompt = null, ChatOptions? options = null)
{
    private readonly JudgePrompt _prompt = prompt ?? JudgePrompt.PairwiseV1;

    public string PromptVersion => _prompt.Version;

    public async Task<LlmPairwiseOutcome> JudgeAsync(string query, string answerA, string answerB, CancellationToken cancellationToken = default)
    {
        var (original, e1) = await AskAsync(query, answerA, answerB, cancellationToken).ConfigureAwait(false);
        var (swapped, e2) = await AskAsync(query, answerB, answerA, cancellationToken).ConfigureAwait(false);
        var back = swapped is { } s ? PositionSwap.Unswap(s) : (Verdict?)null;
        if (original is null || back is null)
            return new LlmPairwiseOutcome(null, false, original, back, string.Join("; ", new[] { e1 is null ? null : "order A,B: " + e1, e2 is null ? null : "order B,A: " + e2 }.Where(x => x is not null)));
        var (verdict, inconsistent) = PositionSwap.Combine(original.Value, back.Value);
        return new LlmPairwiseOutcome(verdict, inconsistent, original, back, null);
    }

    private async Task<(Verdict?, string?)> AskAsync(string query, string first, string second, CancellationToken cancellationToken)
    {
        var text = _prompt.Render(new Dictionary<string, string>(StringComparer.Ordinal) { ["query"] = query, ["answer_a"] = first, ["answer_b"] = second });
        try
        {
            var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, text)], options?.Clone(), cancellationToken).ConfigureAwait(false);
            return JudgeReplyParser.TryParseVerdict(response.Text, out var v, out var error) ? (v, null) : (null, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
