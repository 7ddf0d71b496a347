using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inkstone.Evaluation.Judgments;
using Inkstone.Input;

namespace Inkstone.Evaluation.Analysis;

/// <summary>
/// Behaviour labels as JSONL: <c>{"query_id", "model", "sample", "segment", "label", "labeler"}</c>, label one of
/// normal_writing, deep_reasoning, self_exploration, self_reflection. Bad lines are reported with file, line and field.
/// </summary>
public static class BehaviorLabelFile
{
    public static async Task<(IReadOnlyList<BehaviorLabel> Labels, IReadOnlyList<ImportDiagnostic> Diagnostics)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var labels = new List<BehaviorLabel>();
        var problems = new List<ImportDiagnostic>();
        if (!File.Exists(path)) return (labels, problems);
        var name = Path.GetFileName(path);
        // Every line under the input policy: invalid UTF-8, lone surrogates and duplicate keys reject the line.
        await foreach (var record in JsonLinesFile.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            using (record)
            {
                var line = record.Line;
                if (record.Problem is not null)
                {
                    problems.Add(new ImportDiagnostic(name, line, record.Problem.Field, record.ProblemMessage!));
                    continue;
                }
                var e = record.Document!.RootElement;
                if (e.ValueKind != JsonValueKind.Object) { problems.Add(new ImportDiagnostic(name, line, null, "expected a JSON object")); continue; }
                string? Str(string f) => e.TryGetProperty(f, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                int? Int(string f) => e.TryGetProperty(f, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) && i >= 0 ? i : null;
                var query = Str("query_id");
                var model = Str("model");
                var segment = Int("segment");
                var label = Str("label");
                if (query is null) { problems.Add(new ImportDiagnostic(name, line, "query_id", "missing")); continue; }
                if (model is null) { problems.Add(new ImportDiagnostic(name, line, "model", "missing")); continue; }
                if (segment is null) { problems.Add(new ImportDiagnostic(name, line, "segment", "missing or not a non-negative integer")); continue; }
                if (label is null || !ReasoningBehaviors.TryParse(label, out var behavior))
                {
                    problems.Add(new ImportDiagnostic(name, line, "label", $"expected one of {string.Join(", ", ReasoningBehaviors.All.Select(ReasoningBehaviors.Name))}"));
                    continue;
                }
                labels.Add(new BehaviorLabel(query, model, Int("sample") ?? 0, segment.Value, behavior, Str("labeler") ?? "unknown"));
            }
        }
        return (labels, problems);
    }

    public static string ToJsonLine(BehaviorLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return new JsonObject
        {
            ["query_id"] = label.QueryId, ["model"] = label.Model, ["sample"] = label.Sample, ["segment"] = label.Segment,
            ["label"] = ReasoningBehaviors.Name(label.Behavior), ["labeler"] = label.Labeler,
        }.ToJsonString();
    }
}
