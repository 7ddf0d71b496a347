using System.Globalization;
using System.Text;
using System.Text.Json;
using Inkstone.Datasets;
using Inkstone.Evaluation.Statistics;
using Inkstone.Input;

namespace Inkstone.Evaluation.Judgments;

/// <summary>
/// Reads human or LLM judgments from files. A JSONL line (or an element of a JSON array) is one record, recognised by
/// its fields: "verdict" (pairwise), "ranking" (a full ranking, best first), "ranked_responses" (the paper's ranking-tool
/// export) or "scores" (rubric). A CSV file holds pairwise verdicts with the header
/// <c>query_id,model_a,model_b,annotator,verdict</c>. A record that cannot be read becomes a located diagnostic and the
/// rest of the file is still read; duplicate verdicts (same judge, query, sample and pair) keep the first and report the rest.
/// </summary>
public static partial class JudgmentFileReader
{
    public static async Task<JudgmentSet> ReadAllAsync(IEnumerable<string> paths, JudgmentImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new JudgmentSet();
        // The same file named twice is read once (the input policy), so no verdict is counted twice.
        var files = InputFiles.Distinct(paths);
        all.Notes.AddRange(files.Notes);
        foreach (var path in files.Paths) all.Add(await ReadAsync(path, options, cancellationToken).ConfigureAwait(false));
        var result = new JudgmentSet();
        result.Diagnostics.AddRange(all.Diagnostics);
        result.Notes.AddRange(all.Notes);
        var seenPairs = new Dictionary<(string, int, string, string, string), string>();
        foreach (var p in all.Pairwise)
        {
            var (x, y) = string.CompareOrdinal(p.ModelA, p.ModelB) <= 0 ? (p.ModelA, p.ModelB) : (p.ModelB, p.ModelA);
            if (seenPairs.TryAdd((p.QueryId, p.Sample, p.Judge, x, y), p.Source)) result.Pairwise.Add(p);
            else result.Diagnostics.Add(Diagnostic(p.Source, null, $"duplicate verdict of '{p.Judge}' on query '{p.QueryId}' ({x} vs {y}); the one from {seenPairs[(p.QueryId, p.Sample, p.Judge, x, y)]} is kept"));
        }
        var seenRubric = new Dictionary<(string, int, string, string), string>();
        foreach (var r in all.Rubric)
        {
            if (seenRubric.TryAdd((r.QueryId, r.Sample, r.Judge, r.Model), r.Source)) result.Rubric.Add(r);
            else result.Diagnostics.Add(Diagnostic(r.Source, null, $"duplicate rubric of '{r.Judge}' for '{r.Model}' on query '{r.QueryId}'; the one from {seenRubric[(r.QueryId, r.Sample, r.Judge, r.Model)]} is kept"));
        }
        return result;
    }

    public static async Task<JudgmentSet> ReadAsync(string path, JudgmentImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new JudgmentImportOptions();
        var set = new JudgmentSet();
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".csv")
        {
            await ReadCsvAsync(path, name, options, set, cancellationToken).ConfigureAwait(false);
            return set;
        }
        if (extension == ".json")
        {
            await ReadArrayAsync(path, name, options, set, cancellationToken).ConfigureAwait(false);
            return set;
        }

        // Every line under the input policy: invalid UTF-8, lone surrogates and duplicate keys reject the line.
        await foreach (var record in JsonLinesFile.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            using (record)
            {
                if (record.Problem is not null)
                    set.Diagnostics.Add(new ImportDiagnostic(name, record.Line, record.Problem.Field, record.ProblemMessage!));
                else
                    ReadRecord(record.Document!.RootElement, new Location(name, record.Line, IsArray: false), options, set);
            }
        }
        return set;
    }

    /// <summary>
    /// A JSON array, split into its elements without parsing the whole file (as the dataset reader does), so that one
    /// bad element is one diagnostic and the others are still read.
    /// </summary>
    private static async Task ReadArrayAsync(string path, string name, JudgmentImportOptions options, JudgmentSet set, CancellationToken cancellationToken)
    {
        var stream = Utf8LineSource.OpenAsUtf8(path);
        await using (stream.ConfigureAwait(false))
        {
            var i = 0;
            await foreach (var slice in JsonArrayRecordSource.ReadAsync(stream, path, 1, cancellationToken).ConfigureAwait(false))
            {
                if (slice.FileProblem is { } problem)
                {
                    var message = problem.Message.StartsWith("expected '['", StringComparison.Ordinal)
                        ? "a .json judgment file must hold an array of records (use .jsonl for one record per line)"
                        : "invalid JSON: " + problem.Message;
                    set.Diagnostics.Add(new ImportDiagnostic(name, (int)(problem.Line ?? 1), null, message));
                    continue;
                }
                var where = new Location(name, ++i, IsArray: true);
                if (slice.Unterminated)
                {
                    set.Diagnostics.Add(new ImportDiagnostic(name, i, null, $"record {i}: end of file inside this record"));
                    continue;
                }
                var parsed = JsonRecordParser.Parse(slice.Bytes);
                if (parsed.Problem is { } rejected)
                {
                    set.Diagnostics.Add(new ImportDiagnostic(name, i, rejected.Field, $"record {i}: {rejected.Message}"));
                    continue;
                }
                using var document = parsed.Document!;
                ReadRecord(document.RootElement, where, options, set);
            }
        }
    }

    /// <summary>Where a record is: a line of a JSONL/CSV file, or the n-th element (1-based) of a JSON array.</summary>
    private readonly record struct Location(string File, int Number, bool IsArray)
    {
        public override string ToString() => IsArray ? $"{File}:record {Number}" : $"{File}:{Number}";
    }

    private static ImportDiagnostic Diagnostic(string source, string? field, string message)
    {
        // sources look like "file:line" or "file:record n"
        var colon = source.LastIndexOf(':');
        var number = colon < 0 ? 0 : int.TryParse(source[(colon + 1)..].Replace("record ", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new ImportDiagnostic(colon < 0 ? source : source[..colon], number, field, message);
    }

    private sealed class RecordException(string? field, string message) : Exception(message)
    {
        public string? Field { get; } = field;
    }

    private static void ReadRecord(JsonElement e, Location where, JudgmentImportOptions options, JudgmentSet set)
    {
        try
        {
            if (e.ValueKind != JsonValueKind.Object) throw new RecordException(null, "a record must be a JSON object");
            var source = where.ToString();
            if (e.TryGetProperty("ranked_responses", out _)) ReadRankingTool(e, source, options, set);
            else if (e.TryGetProperty("ranking", out _)) ReadRanking(e, source, options, set);
            else if (e.TryGetProperty("verdict", out _)) ReadPairwise(e, source, options, set);
            else if (e.TryGetProperty("scores", out _) || HasTopLevelScores(e)) ReadRubric(e, source, options, set);
            else throw new RecordException(null, "record has none of 'verdict', 'ranking', 'ranked_responses', 'scores' (or rubric dimensions)");
        }
        catch (RecordException ex)
        {
            set.Diagnostics.Add(new ImportDiagnostic(where.File, where.Number, ex.Field, where.IsArray ? $"record {where.Number}: {ex.Message}" : ex.Message));
        }
    }

    /// <summary>Rubric records may also carry the dimensions as top-level fields instead of under "scores".</summary>
    private static bool HasTopLevelScores(JsonElement e) => e.EnumerateObject().Any(p => RubricDimensions.TryParse(p.Name, out _));

    private static string RequiredString(JsonElement e, string field)
    {
        if (!e.TryGetProperty(field, out var p)) throw new RecordException(field, "missing");
        var s = p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            _ => throw new RecordException(field, $"expected a string, got {p.ValueKind}"),
        };
        if (string.IsNullOrWhiteSpace(s)) throw new RecordException(field, "empty");
        return s.Trim();
    }

    private static string? OptionalString(JsonElement e, string field) =>
        e.TryGetProperty(field, out var p) && p.ValueKind is JsonValueKind.String or JsonValueKind.Number ? RequiredString(e, field) : null;

    private static int Sample(JsonElement e)
    {
        if (!e.TryGetProperty("sample", out var p)) return 0;
        if (p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out var s) || s < 0) throw new RecordException("sample", "expected a non-negative integer");
        return s;
    }

    private static string Judge(JsonElement e, string source, JudgmentImportOptions options) =>
        OptionalString(e, "annotator") ?? OptionalString(e, "judge") ?? options.DefaultJudge
        ?? Path.GetFileNameWithoutExtension(source[..source.LastIndexOf(':')]);

    private static JudgeKind Kind(JsonElement e, JudgmentImportOptions options)
    {
        var kind = OptionalString(e, "judge_kind");
        return kind is null ? options.JudgeKind
            : kind.Equals("human", StringComparison.OrdinalIgnoreCase) ? JudgeKind.Human
            : kind.Equals("llm", StringComparison.OrdinalIgnoreCase) ? JudgeKind.Llm
            : throw new RecordException("judge_kind", $"expected human or llm, got '{kind}'");
    }

    private static string Model(string name, JudgmentImportOptions options) => options.ModelNames.TryGetValue(name, out var mapped) ? mapped : name;

    internal static bool TryParseVerdict(string text, out Verdict verdict)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "a": verdict = Verdict.A; return true;
            case "b": verdict = Verdict.B; return true;
            case "tie": verdict = Verdict.Tie; return true;
            default: verdict = default; return false;
        }
    }

    private static Verdict ParseVerdict(string text) =>
        TryParseVerdict(text, out var v) ? v : throw new RecordException("verdict", $"expected a, b or tie, got '{text}'");

    /// <summary>Blind records name an item and answer labels; the key gives back the query and the models.</summary>
    private static BlindKeyEntry Blind(JsonElement e, JudgmentImportOptions options)
    {
        var item = RequiredString(e, "item_id");
        if (options.BlindKey is null) throw new RecordException("item_id", "blind record (item_id) but no key file was given");
        if (!options.BlindKey.TryGet(item, out var entry)) throw new RecordException("item_id", $"item '{item}' is not in the key");
        return entry;
    }

    private static string Unblind(BlindKeyEntry entry, string label, string field) =>
        entry.Labels.TryGetValue(label, out var model) ? model : throw new RecordException(field, $"label '{label}' is not an answer of item '{entry.ItemId}'");
}
