using System.Text;
using System.Text.Json.Nodes;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Judgments;

/// <summary>
/// Writes judgments in the normalised JSONL form that <see cref="JudgmentFileReader"/> reads back: pairwise records
/// (rankings already expanded, origin kept) and rubric records, with model names resolved and blind labels removed.
/// </summary>
public static class JudgmentFileWriter
{
    public static async Task WriteAsync(string path, JudgmentSet judgments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var p in judgments.Pairwise)
            await writer.WriteLineAsync(ToJsonLine(p).AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var r in judgments.Rubric)
            await writer.WriteLineAsync(ToJsonLine(r).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    public static string ToJsonLine(PairwiseJudgment p, string? promptVersion = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        var o = new JsonObject
        {
            ["query_id"] = p.QueryId, ["sample"] = p.Sample, ["model_a"] = p.ModelA, ["model_b"] = p.ModelB,
            ["annotator"] = p.Judge, ["judge_kind"] = p.JudgeKind == JudgeKind.Llm ? "llm" : "human",
            ["verdict"] = p.Verdict switch { Verdict.A => "a", Verdict.B => "b", _ => "tie" },
            ["origin"] = p.Origin, ["source"] = p.Source,
        };
        if (p.PositionInconsistent) o["position_inconsistent"] = true;
        if (promptVersion is not null) o["prompt_version"] = promptVersion;
        return o.ToJsonString(BlindKey.s_json);
    }

    public static string ToJsonLine(RubricJudgment r, string? promptVersion = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var scores = new JsonObject();
        foreach (var (d, s) in r.Scores.OrderBy(kv => kv.Key)) scores[RubricDimensions.Name(d)] = s;
        var o = new JsonObject
        {
            ["query_id"] = r.QueryId, ["sample"] = r.Sample, ["model"] = r.Model, ["annotator"] = r.Judge,
            ["judge_kind"] = r.JudgeKind == JudgeKind.Llm ? "llm" : "human", ["scores"] = scores, ["source"] = r.Source,
        };
        if (promptVersion is not null) o["prompt_version"] = promptVersion;
        return o.ToJsonString(BlindKey.s_json);
    }
}
