using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Inkstone.Evaluation.Judgments;
using Inkstone.Input;

namespace Inkstone.Evaluation.Generation;

/// <summary>
/// Generation results as JSONL, appended one record per line as answers arrive so that a crash loses at most the line
/// being written. Reading keeps, for each (query, model, sample), the last successful record, or the last failure when
/// none succeeded; a torn or malformed line is reported with its line number.
/// </summary>
public static class GenerationResultsFile
{
    internal static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<(IReadOnlyList<GenerationRecord> Records, IReadOnlyList<ImportDiagnostic> Diagnostics)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<(string, string, int), GenerationRecord>();
        var diagnostics = new List<ImportDiagnostic>();
        if (!File.Exists(path)) return ([], diagnostics);
        var name = Path.GetFileName(path);
        // Every line under the input policy: invalid UTF-8, lone surrogates and duplicate keys reject the line.
        await foreach (var line in JsonLinesFile.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            using (line)
            {
                if (line.Problem is not null)
                {
                    diagnostics.Add(new ImportDiagnostic(name, line.Line, line.Problem.Field, line.ProblemMessage!));
                    continue;
                }
                GenerationRecord? record;
                try { record = line.Document!.Deserialize<GenerationRecord>(s_json); }
                catch (JsonException ex)
                {
                    diagnostics.Add(new ImportDiagnostic(name, line.Line, null, $"invalid JSON: {JsonRecordParser.CleanJsonMessage(ex.Message)}"));
                    continue;
                }
                if (record is null || string.IsNullOrEmpty(record.QueryId) || string.IsNullOrEmpty(record.Model))
                {
                    diagnostics.Add(new ImportDiagnostic(name, line.Line, record is null || string.IsNullOrEmpty(record.QueryId) ? "query_id" : "model", "missing"));
                    continue;
                }
                var key = (record.QueryId, record.Model, record.Sample);
                if (!latest.TryGetValue(key, out var existing) || record.Succeeded || !existing.Succeeded) latest[key] = record;
            }
        }
        return (latest.Values.ToList(), diagnostics);
    }

    public static async Task AppendAsync(StreamWriter writer, GenerationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(JsonSerializer.Serialize(record, s_json).AsMemory(), cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
