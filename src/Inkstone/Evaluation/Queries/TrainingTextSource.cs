using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Inkstone.Evaluation.Judgments;

namespace Inkstone.Evaluation.Queries;

/// <summary>
/// Streams one text field of a JSONL training dataset for the leakage check, with the record's "id" (or its line
/// number) as its name. Lines without the field, or with invalid JSON, are reported through <paramref name="problems"/>.
/// </summary>
public static class TrainingTextSource
{
    public static async IAsyncEnumerable<(string Id, string Text)> ReadJsonLinesAsync(string path, string field, ICollection<ImportDiagnostic> problems,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            string? id = null, value = null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String) value = v.GetString();
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var i)) id = i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText();
            }
            catch (JsonException ex)
            {
                problems.Add(new ImportDiagnostic(name, line, null, $"invalid JSON: {ex.Message}"));
                continue;
            }
            if (string.IsNullOrEmpty(value))
            {
                problems.Add(new ImportDiagnostic(name, line, field, "missing or not a string"));
                continue;
            }
            yield return (id ?? $"{name}:{line}", value);
        }
    }
}
