using System.Runtime.CompilerServices;
using System.Text.Json;
using Inkstone.Evaluation.Judgments;
using Inkstone.Input;

namespace Inkstone.Evaluation.Queries;

/// <summary>
/// Streams one text field of a JSONL training dataset for the leakage check, with the record's "id" (or its line
/// number) as its name. Lines are read under the input policy (<see cref="JsonLinesFile"/>); lines without the field,
/// or rejected by the policy, are reported through <paramref name="problems"/>.
/// </summary>
public static class TrainingTextSource
{
    public static async IAsyncEnumerable<(string Id, string Text)> ReadJsonLinesAsync(string path, string field, ICollection<ImportDiagnostic> problems,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var name = Path.GetFileName(path);
        await foreach (var line in JsonLinesFile.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            string? id = null, value = null;
            using (line)
            {
                if (line.Problem is not null)
                {
                    problems.Add(new ImportDiagnostic(name, line.Line, line.Problem.Field, line.ProblemMessage!));
                    continue;
                }
                var root = line.Document!.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String) value = v.GetString();
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var i)) id = i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText();
            }
            if (string.IsNullOrEmpty(value))
            {
                problems.Add(new ImportDiagnostic(name, line.Line, field, "missing or not a string"));
                continue;
            }
            yield return (id ?? $"{name}:{line.Line}", value);
        }
    }
}
