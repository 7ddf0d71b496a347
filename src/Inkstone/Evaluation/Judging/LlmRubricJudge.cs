using Inkstone.Evaluation.Judgments;
using Microsoft.Extensions.AI;

namespace Inkstone.Evaluation.Judging;

/// <summary>Asks an LLM for the five 0–3 rubric scores of one answer; a failed call or unreadable reply is an error, not a score.</summary>
public sealed class LlmRubricJudge(IChatClient client, JudgePrompt? prompt = null, ChatOptions? options = null)
{
    private readonly JudgePrompt _prompt = prompt ?? JudgePrompt.RubricV1;

    public string PromptVersion => _prompt.Version;

    public async Task<(IReadOnlyDictionary<RubricDimension, int>? Scores, string? Error)> ScoreAsync(string query, string answer, CancellationToken cancellationToken = default)
    {
        var text = _prompt.Render(new Dictionary<string, string>(StringComparer.Ordinal) { ["query"] = query, ["answer"] = answer });
        try
        {
            var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, text)], options?.Clone(), cancellationToken).ConfigureAwait(false);
            return JudgeReplyParser.TryParseScores(response.Text, out var scores, out var error) ? (scores, null) : (null, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
