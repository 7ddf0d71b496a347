using System.Text;
using System.Text.Json;
using Inkstone.Storage;

namespace Inkstone.Curation.Items;

/// <summary>
/// Writes the items waiting for annotation as a task file (JSON Lines or CSV, one record per item, columns
/// <see cref="AnnotationTask.Columns"/>), replacing the file atomically. <c>inkstone import annotations</c> reads the
/// filled-in file back: it needs source_id, annotator, query and thought, and ignores the other columns.
/// </summary>
public sealed class AnnotationTaskExporter(ICurationStore store)
{
    /// <summary>The states an annotation is accepted in.</summary>
    public static IReadOnlyList<CurationState> AnnotatableStates { get; } = [CurationState.Ready, CurationState.Drafted, CurationState.Revise];

    /// <summary>Writes the tasks of every item in <paramref name="states"/>; returns how many were written.</summary>
    public async Task<long> ExportAsync(
        string path, IReadOnlyList<CurationState> states, bool csv, long? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        var temporary = path + ".tmp";
        long count = 0;
        await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            if (csv) await writer.WriteLineAsync(CsvRow(AnnotationTask.Columns)).ConfigureAwait(false);
            var query = new ItemQueryService(store);
            foreach (var state in states)
            {
                await foreach (var item in query.ReadAsync(state, cancellationToken).ConfigureAwait(false))
                {
                    if (limit is { } max && count >= max) break;
                    var task = await TaskForAsync(item, cancellationToken).ConfigureAwait(false);
                    await writer.WriteLineAsync(csv ? CsvRow(task.Values()) : JsonLine(task)).ConfigureAwait(false);
                    count++;
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        return count;
    }

    private async Task<AnnotationTask> TaskForAsync(CurationItem item, CancellationToken cancellationToken)
    {
        var artifacts = await store.GetArtifactsAsync(item.Id, cancellationToken).ConfigureAwait(false);
        string Field(string kind, string? property)
        {
            if (!artifacts.TryGetValue(kind, out var artifact)) return "";
            using var json = JsonDocument.Parse(artifact.Json);
            return property is not null && json.RootElement.TryGetProperty(property, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()
                : property is null ? artifact.Json : "";
        }

        return new AnnotationTask
        {
            SourceId = item.Id, State = item.State.ToStorage(), Genre = item.Genre ?? "", Title = item.Title ?? "", Article = item.Text,
            ArticleAnalysis = Field("article_analysis", "analysis"), Usability = Field("usability", null),
            QueryAnalysis = Field("query_analysis", "analysis"), DraftQuery = Field("draft", "query"), DraftThought = Field("draft", "thought"),
            ReviewerNote = item.State == CurationState.Revise ? await ReviewerNoteAsync(item, cancellationToken).ConfigureAwait(false) : "",
        };
    }

    /// <summary>Why the item came back: the revise reason, and the comments of the reviewers of its last round.</summary>
    private async Task<string> ReviewerNoteAsync(CurationItem item, CancellationToken cancellationToken)
    {
        var reviews = await store.ListReviewsAsync(item.Id, cancellationToken).ConfigureAwait(false);
        var comments = reviews.Where(r => r.Round == item.ReviewRound && !string.IsNullOrWhiteSpace(r.Comment))
            .Select(r => $"{r.Reviewer}: {r.Comment}");
        return string.Join("\n", new[] { item.Reason }.Concat(comments).Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    private static string JsonLine(AnnotationTask task)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = task.Values();
        for (var i = 0; i < values.Count; i++) fields[AnnotationTask.Columns[i]] = values[i];
        return JsonSerializer.Serialize(fields, CurationJson.Options);
    }

    private static string CsvRow(IEnumerable<string> values) => string.Join(',', values.Select(Escape));

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
