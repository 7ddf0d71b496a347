using System.Globalization;
using System.Text;
using System.Text.Json;
using Inkstone.Evaluation.Analysis;
using Microsoft.Extensions.AI;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// Labels every segment of a model's output with one of the four reasoning behaviours by asking an LLM once per output.
/// A reply with the wrong number of labels or an unknown label is an error; nothing is guessed.
/// </summary>
public sealed class LlmBehaviorLabeler(IChatClient client, JudgePrompt? prompt = null, ChatOptions? options = null)
{
    private readonly JudgePrompt _prompt = prompt ?? JudgePrompt.BehaviorV1;

    public string PromptVersion => _prompt.Version;

    public async Task<(IReadOnlyList<ReasoningBehavior>? Labels, string? Error)> LabelAsync(string query, IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0) return ([], null);
        var numbered = new StringBuilder();
        for (var i = 0; i < segments.Count; i++) numbered.Append(CultureInfo.InvariantCulture, $"{i + 1}. {segments[i]}").Append('\n');
        var text = _prompt.Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["query"] = query, ["segments"] = numbered.ToString(), ["count"] = segments.Count.ToString(CultureInfo.InvariantCulture),
        });
        string reply;
        try
        {
            reply = (await client.GetResponseAsync([new ChatMessage(ChatRole.User, text)], options?.Clone(), cancellationToken).ConfigureAwait(false)).Text;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
        if (!JudgeReplyParser.TryFindObject(reply, out var doc, out var error)) return (null, error);
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("labels", out var arr) || arr.ValueKind != JsonValueKind.Array)
                return (null, "reply has no array field 'labels'");
            var labels = new List<ReasoningBehavior>();
            foreach (var l in arr.EnumerateArray())
            {
                if (l.ValueKind != JsonValueKind.String || !ReasoningBehaviors.TryParse(l.GetString()!, out var b))
                    return (null, $"label {labels.Count + 1} ('{l}') is not one of the four behaviours");
                labels.Add(b);
            }
            return labels.Count == segments.Count ? (labels, null) : (null, $"{labels.Count} labels for {segments.Count} segments");
        }
    }
}
