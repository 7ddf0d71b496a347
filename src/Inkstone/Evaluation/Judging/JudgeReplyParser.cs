using System.Text.Json;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Judging;

/// <summary>
/// Reads a judge's reply: the first JSON object in the text (after any &lt;think&gt; block, code fence or preamble).
/// A reply without a valid verdict or with a score out of range is an error with the reason, never a default.
/// </summary>
public static class JudgeReplyParser
{
    public static bool TryParseVerdict(string reply, out Verdict verdict, out string error)
    {
        verdict = default;
        if (!TryFindObject(reply, out var root, out error)) return false;
        using (root)
        {
            if (!root.RootElement.TryGetProperty("verdict", out var v) || v.ValueKind != JsonValueKind.String)
            {
                error = "reply has no string field 'verdict'";
                return false;
            }
            if (JudgmentFileReader.TryParseVerdict(v.GetString()!, out verdict)) return true;
            error = $"verdict '{v.GetString()}' is not A, B or tie";
            return false;
        }
    }

    public static bool TryParseScores(string reply, out Dictionary<RubricDimension, int> scores, out string error)
    {
        scores = [];
        if (!TryFindObject(reply, out var root, out error)) return false;
        using (root)
        {
            foreach (var d in RubricDimensions.All)
            {
                var name = RubricDimensions.Name(d);
                if (!root.RootElement.TryGetProperty(name, out var p) || p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out var s)
                    || s < RubricDimensions.MinScore || s > RubricDimensions.MaxScore)
                {
                    error = $"field '{name}' missing or not an integer from 0 to 3";
                    return false;
                }
                scores[d] = s;
            }
            return true;
        }
    }

    internal static bool TryFindObject(string reply, out JsonDocument document, out string error)
    {
        document = null!;
        var (text, _) = Generation.ThinkSplitter.Split(reply ?? "");
        for (var start = text.IndexOf('{', StringComparison.Ordinal); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text[start..]), new JsonReaderOptions { AllowTrailingCommas = true });
            try
            {
                if (JsonDocument.TryParseValue(ref reader, out var doc) && doc is not null)
                {
                    if (doc.RootElement.ValueKind == JsonValueKind.Object) { document = doc; error = ""; return true; }
                    doc.Dispose();
                }
            }
            catch (JsonException)
            {
                // not an object starting here; try the next brace
            }
        }
        error = "reply contains no JSON object";
        return false;
    }
}
