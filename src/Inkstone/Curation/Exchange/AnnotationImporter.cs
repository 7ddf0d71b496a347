using System.Text.Json;
using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>
/// Imports human reverse engineering (step 5): records keyed by <c>source_id</c> with <c>annotator</c>, <c>query</c> and
/// <c>thought</c> (optional <c>genre</c>, <c>specialised</c>: true when review needs specialised cultural or stylistic knowledge;
/// <c>accept_draft</c>: true to accept the LLM draft as is). Items in ready, drafted or revise become annotated; re-importing
/// the same annotation changes nothing.
/// </summary>
public sealed class AnnotationImporter(ICurationStore store)
{
    private static readonly CurationState[] s_accepting = [CurationState.Ready, CurationState.Drafted, CurationState.Revise];

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
        var acceptDraft = IsTrue(record.Get("accept_draft"));
        var query = record.Get("query");
        var thought = record.Get("thought");
        var item = await store.GetItemAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null) return $"source_id: no item '{id}' in this workspace";

        var artifacts = await store.GetArtifactsAsync(id, cancellationToken).ConfigureAwait(false);
        var fromDraft = false;
        if (acceptDraft && (query is null || thought is null))
        {
            if (!artifacts.TryGetValue("draft", out var draft)) return $"accept_draft: item '{id}' has no LLM draft";
            using var json = JsonDocument.Parse(draft.Json);
            query ??= json.RootElement.GetProperty("query").GetString();
            thought ??= json.RootElement.GetProperty("thought").GetString();
            fromDraft = true;
        }

        if (string.IsNullOrWhiteSpace(query)) return "query: missing";
        if (string.IsNullOrWhiteSpace(thought)) return "thought: missing";
        var annotationJson = CurationJson.Serialize(new { annotator, query, thought, from_draft = fromDraft });
        if (item.State == CurationState.Annotated || !s_accepting.Contains(item.State))
        {
            if (artifacts.TryGetValue("annotation", out var existing) && existing.Json == annotationJson) return "already";
            return $"source_id: item '{id}' is {item.State.ToStorage()}: {WhyNotAnnotatable(item)}";
        }

        var specialised = record.Get("specialised") ?? record.Get("specialized");
        var transition = new StateTransition
        {
            ItemId = id, ExpectedVersion = item.Version, From = item.State, To = CurationState.Annotated, Actor = Actor.Person(annotator),
            Reason = fromDraft ? "LLM draft accepted by the annotator" : null, Genre = record.Get("genre"),
            NeedsSpecialist = specialised is null ? null : IsTrue(specialised), Artifacts = [new ArtifactWrite("annotation", annotationJson)], RunId = runId,
        };
        var ok = await store.TransitionAsync([transition], cancellationToken).ConfigureAwait(false);
        if (!ok[0]) return $"source_id: item '{id}' changed while importing; import again";
        applied["annotated"] = applied.GetValueOrDefault("annotated") + 1;
        return null;
    }

    /// <summary>Why an item in this state takes no annotation, and what would bring it to annotation.</summary>
    internal static string WhyNotAnnotatable(CurationItem item) => item.State switch
    {
        CurationState.Ingested or CurationState.Assessed or CurationState.Screened =>
            "it has not passed the model stages yet (annotations are accepted for ready, drafted or revise items); "
            + "'inkstone run' moves it on, which needs a model for screening and analysis, or screening.mode and "
            + "analysis.mode 'none' in inkstone.json (what 'inkstone init --no-model' writes)",
        CurationState.Held => "it is held for its publication date; release it first ('inkstone release' or 'inkstone import dates')",
        CurationState.Quarantined => $"a stage failed on it ({item.Reason}); fix the cause and run 'inkstone run' again",
        CurationState.Annotated => "it is annotated already with a different annotation; it takes a new one only after review sends it to revise",
        _ => $"it is past annotation (annotations are accepted for ready, drafted or revise items){(item.Reason is null ? "" : $"; {item.Reason}")}",
    };

    internal static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}
