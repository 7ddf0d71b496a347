using System.Text.Json;
using Inkstone.Curation.Annotation;
using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>
/// Imports human reverse engineering (step 5): records keyed by <c>source_id</c> with <c>annotator</c>, <c>query</c> and
/// <c>thought</c> (optional <c>genre</c>, <c>specialised</c>: true when review needs specialised cultural or stylistic knowledge;
/// <c>accept_draft</c>: true to accept the LLM draft as is). Items in ready, drafted or revise become annotated; re-importing
/// the same annotation changes nothing. Each record goes through <see cref="AnnotationSubmission"/>, as a web form does.
/// </summary>
public sealed class AnnotationImporter(ICurationStore store)
{
    private readonly AnnotationSubmission _submission = new(store);

    /// <summary>Columns a CSV file must have (alternatives separated by '|').</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["source_id|id", "annotator"];

    public async Task<ImportReport> ImportAsync(string path, string? runId = null, CancellationToken cancellationToken = default)
    {
        long records = 0, already = 0;
        var applied = new Dictionary<string, long>(StringComparer.Ordinal);
        var errors = new List<IngestError>();
        await foreach (var record in ExchangeFileReader.ReadAsync(path, RequiredColumns, cancellationToken).ConfigureAwait(false))
        {
            records++;
            if (record.Error is not null) { errors.Add(new IngestError(record.Location, null, record.Error)); continue; }
            var error = await ApplyAsync(record, runId, applied, cancellationToken).ConfigureAwait(false);
            if (error == "already") already++;
            else if (error is not null) errors.Add(new IngestError(record.Location, error.Split(':')[0], error[(error.IndexOf(':', StringComparison.Ordinal) + 2)..]));
        }

        return new ImportReport(records, applied, already, errors);
    }

    // Returns null when applied, "already" when it was applied before, or "field: message".
    private async Task<string?> ApplyAsync(ExchangeRecord record, string? runId, Dictionary<string, long> applied, CancellationToken cancellationToken)
    {
        var id = record.Get("source_id") ?? record.Get("id");
        if (id is null) return "source_id: missing";
        var annotator = record.Get("annotator");
        if (annotator is null) return "annotator: missing";
        var query = record.Get("query");
        var thought = record.Get("thought");
        var fromDraft = false;
        if (IsTrue(record.Get("accept_draft")) && (query is null || thought is null))
        {
            if (await store.GetItemAsync(id, cancellationToken).ConfigureAwait(false) is null) return $"source_id: no item '{id}' in this workspace";
            var artifacts = await store.GetArtifactsAsync(id, cancellationToken).ConfigureAwait(false);
            if (!artifacts.TryGetValue("draft", out var draft)) return $"accept_draft: item '{id}' has no LLM draft";
            using var json = JsonDocument.Parse(draft.Json);
            query ??= json.RootElement.GetProperty("query").GetString();
            thought ??= json.RootElement.GetProperty("thought").GetString();
            fromDraft = true;
        }

        var specialised = record.Get("specialised") ?? record.Get("specialized");
        var outcome = await _submission.SubmitAsync(new AnnotationInput
        {
            ItemId = id, Annotator = annotator, Query = query, Thought = thought, FromDraft = fromDraft, Genre = record.Get("genre"),
            Specialised = specialised is null ? null : IsTrue(specialised), RunId = runId,
        }, cancellationToken).ConfigureAwait(false);
        switch (outcome.Kind)
        {
            case AnnotationOutcomeKind.Applied:
                applied["annotated"] = applied.GetValueOrDefault("annotated") + 1;
                return null;
            case AnnotationOutcomeKind.AlreadyApplied: return "already";
            case AnnotationOutcomeKind.Stale: return $"source_id: item '{id}' changed while importing; import again";
            case AnnotationOutcomeKind.Invalid: return $"{outcome.Field}: {outcome.Message}";
            default: return $"source_id: {outcome.Message}";
        }
    }

    internal static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}
