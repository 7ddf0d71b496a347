using System.Globalization;
using System.Text;
using System.Text.Json;
using Inkstone.Evaluation.Statistics;
using Inkstone.Input;

namespace Inkstone.Evaluation.Judgments;

public static partial class JudgmentFileReader
{
    private static void ReadPairwise(JsonElement e, string source, JudgmentImportOptions options, JudgmentSet set)
    {
        string query, a, b;
        var sample = Sample(e);
        if (e.TryGetProperty("item_id", out _))
        {
            var entry = Blind(e, options);
            if (entry.Labels.Count != 2) throw new RecordException("item_id", $"item '{entry.ItemId}' has {entry.Labels.Count} answers; a pairwise verdict needs 2");
            var labels = entry.Labels.Keys.Order(StringComparer.Ordinal).ToArray();
            (query, a, b, sample) = (entry.QueryId, entry.Labels[labels[0]], entry.Labels[labels[1]], entry.Sample);
        }
        else
        {
            query = RequiredString(e, "query_id");
            a = Model(RequiredString(e, "model_a"), options);
            b = Model(RequiredString(e, "model_b"), options);
        }
        if (a == b) throw new RecordException("model_b", $"model '{a}' compared with itself");
        var verdict = ParseVerdict(RequiredString(e, "verdict"));
        var kind = Kind(e, options);
        var inconsistent = e.TryGetProperty("position_inconsistent", out var pi) && pi.ValueKind == JsonValueKind.True;
        var origin = OptionalString(e, "origin") ?? (kind == JudgeKind.Llm ? "llm" : "pairwise");
        set.Pairwise.Add(new PairwiseJudgment(query, a, b, Judge(e, source, options), kind, verdict, origin, source, inconsistent, sample));
    }

    private static void ReadRanking(JsonElement e, string source, JudgmentImportOptions options, JudgmentSet set)
    {
        var ranking = e.GetProperty("ranking");
        if (ranking.ValueKind != JsonValueKind.Array) throw new RecordException("ranking", "expected an array of models, best first (an inner array groups tied models)");
        BlindKeyEntry? blind = e.TryGetProperty("item_id", out _) ? Blind(e, options) : null;
        var query = blind?.QueryId ?? RequiredString(e, "query_id");
        var sample = blind?.Sample ?? Sample(e);
        var ranks = new List<(string Model, int Rank)>();
        var rank = 0;
        foreach (var slot in ranking.EnumerateArray())
        {
            rank++;
            IEnumerable<JsonElement> names = slot.ValueKind == JsonValueKind.Array ? slot.EnumerateArray() : [slot];
            foreach (var n in names)
            {
                if (n.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(n.GetString()))
                    throw new RecordException("ranking", $"position {rank}: expected a model name");
                var name = n.GetString()!.Trim();
                ranks.Add((blind is null ? Model(name, options) : Unblind(blind, name, "ranking"), rank));
            }
        }
        AddRanking(query, sample, Judge(e, source, options), Kind(e, options), ranks, source, set, blind);
    }

    /// <summary>The paper's ranking-tool export: {"question_id", "ranked_responses": [{"rank", "source_file", ...}]}.</summary>
    private static void ReadRankingTool(JsonElement e, string source, JudgmentImportOptions options, JudgmentSet set)
    {
        var query = OptionalString(e, "question_id") ?? RequiredString(e, "query_id");
        var responses = e.GetProperty("ranked_responses");
        if (responses.ValueKind != JsonValueKind.Array) throw new RecordException("ranked_responses", "expected an array");
        var ranks = new List<(string Model, int Rank)>();
        var i = 0;
        foreach (var r in responses.EnumerateArray())
        {
            i++;
            if (r.ValueKind != JsonValueKind.Object) throw new RecordException($"ranked_responses[{i - 1}]", "expected an object");
            if (!r.TryGetProperty("rank", out var rk) || !rk.TryGetInt32(out var rank) || rank < 1)
                throw new RecordException($"ranked_responses[{i - 1}].rank", "expected a positive integer");
            string file;
            try { file = RequiredString(r, "source_file"); }
            catch (RecordException ex) { throw new RecordException($"ranked_responses[{i - 1}].{ex.Field}", ex.Message); }
            ranks.Add((options.ModelNames.TryGetValue(file, out var m) ? m : Path.GetFileNameWithoutExtension(file), rank));
        }
        AddRanking(query, Sample(e), Judge(e, source, options), Kind(e, options), ranks, source, set, null);
    }

    private static void AddRanking(string query, int sample, string judge, JudgeKind kind, List<(string Model, int Rank)> ranks, string source, JudgmentSet set, BlindKeyEntry? blind)
    {
        if (ranks.Count < 2) throw new RecordException("ranking", "a ranking needs at least two answers");
        var duplicate = ranks.GroupBy(r => r.Model, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new RecordException("ranking", $"model '{duplicate.Key}' is ranked more than once");
        if (blind is not null && ranks.Count != blind.Labels.Count)
            throw new RecordException("ranking", $"ranks {ranks.Count} of the {blind.Labels.Count} answers of item '{blind.ItemId}'");
        set.Pairwise.AddRange(RankingExpansion.Expand(query, judge, kind, ranks, source, sample));
    }

    private static void ReadRubric(JsonElement e, string source, JudgmentImportOptions options, JudgmentSet set)
    {
        string query, model;
        var sample = Sample(e);
        if (e.TryGetProperty("item_id", out _))
        {
            var entry = Blind(e, options);
            (query, model, sample) = (entry.QueryId, Unblind(entry, RequiredString(e, "label"), "label"), entry.Sample);
        }
        else
        {
            query = RequiredString(e, "query_id");
            model = Model(RequiredString(e, "model"), options);
        }
        var nested = e.TryGetProperty("scores", out var scores);
        if (nested && scores.ValueKind != JsonValueKind.Object) throw new RecordException("scores", "expected an object of dimension → 0–3");
        var parsed = new Dictionary<RubricDimension, int>();
        foreach (var p in (nested ? scores : e).EnumerateObject())
        {
            var field = nested ? $"scores.{p.Name}" : p.Name;
            if (!RubricDimensions.TryParse(p.Name, out var dimension))
            {
                if (!nested) continue; // other top-level fields (query_id, model, …)
                throw new RecordException(field, $"unknown dimension; expected one of {string.Join(", ", RubricDimensions.All.Select(RubricDimensions.Name))}");
            }
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt32(out var score) || score < RubricDimensions.MinScore || score > RubricDimensions.MaxScore)
                throw new RecordException(field, $"expected an integer from {RubricDimensions.MinScore} to {RubricDimensions.MaxScore}, got {p.Value.GetRawText()}");
            parsed[dimension] = score;
        }
        if (parsed.Count == 0) throw new RecordException("scores", "no scores");
        set.Rubric.Add(new RubricJudgment(query, model, Judge(e, source, options), Kind(e, options), parsed, source, sample));
    }

    private static async Task ReadCsvAsync(string path, string name, JudgmentImportOptions options, JudgmentSet set, CancellationToken cancellationToken)
    {
        // Lines as bytes, so that a line that is not valid UTF-8 is rejected (the input policy), not read as U+FFFD.
        var lines = Utf8LineSource.ReadAsync(path, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var linesScope = lines.ConfigureAwait(false);
        if (!await lines.MoveNextAsync().ConfigureAwait(false)) return;
        if (!TryDecode(lines.Current, out var header, out var headerProblem))
        {
            set.Diagnostics.Add(new ImportDiagnostic(name, 1, null, "CSV header: " + headerProblem));
            return;
        }
        var columns = CsvLine.Split(header).Select(c => c.Trim().ToLowerInvariant()).ToList();
        if (columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            set.Diagnostics.Add(new ImportDiagnostic(name, 1, repeated.Key, $"CSV header names the column '{repeated.Key}' twice"));
            return;
        }
        string[] required = ["query_id", "model_a", "model_b", "verdict"];
        var missing = required.Where(r => !columns.Contains(r)).ToArray();
        if (missing.Length > 0)
        {
            set.Diagnostics.Add(new ImportDiagnostic(name, 1, missing[0], $"CSV header lacks {string.Join(", ", missing)} (needs query_id, model_a, model_b, verdict; optional annotator, sample)"));
            return;
        }
        while (await lines.MoveNextAsync().ConfigureAwait(false))
        {
            var line = lines.Current.Number;
            if (Utf8Text.IsBlank(lines.Current.Bytes.Span)) continue;
            if (!TryDecode(lines.Current, out var text, out var problem))
            {
                set.Diagnostics.Add(new ImportDiagnostic(name, line, null, problem));
                continue;
            }
            var where = new Location(name, line, IsArray: false);
            try
            {
                var cells = CsvLine.Split(text);
                if (cells.Count != columns.Count) throw new RecordException(null, $"{cells.Count} cells but the header has {columns.Count}");
                // Reuse the JSON record path so that CSV and JSONL are validated the same way.
                var record = new Dictionary<string, object>(StringComparer.Ordinal);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (cells[i].Length == 0) continue;
                    record[columns[i]] = columns[i] == "sample" && int.TryParse(cells[i], out var s) ? s : cells[i];
                }
                using var doc = JsonDocument.Parse(JsonSerializer.Serialize(record));
                ReadRecord(doc.RootElement, where, options, set);
            }
            catch (RecordException ex)
            {
                set.Diagnostics.Add(new ImportDiagnostic(name, line, ex.Field, ex.Message));
            }
            catch (FormatException ex)
            {
                set.Diagnostics.Add(new ImportDiagnostic(name, line, null, ex.Message));
            }
        }
    }

    private static bool TryDecode(Utf8Line line, out string text, out string problem)
    {
        var invalid = JsonRecordParser.FindInvalidUtf8(line.Bytes.Span);
        text = invalid < 0 ? Encoding.UTF8.GetString(line.Bytes.Span) : "";
        problem = invalid < 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"invalid UTF-8 (byte 0x{line.Bytes.Span[invalid]:X2}) at byte {invalid + 1}");
        return invalid < 0;
    }
}
