using Inkstone.Storage;

namespace Inkstone.Curation.Annotation;

/// <summary>
/// Applies one person's reverse engineering (step 5): an item in ready, drafted or revise becomes annotated, with the
/// annotation artifact (annotator, query, thought, from_draft) written in the same compare-and-swap transition. The file
/// importer and the web form both submit through here, so both get the same checks and messages. Sending the same
/// annotation again is <see cref="AnnotationOutcomeKind.AlreadyApplied"/>: a form sent twice or a file imported twice
/// changes nothing, and a different annotation never overwrites one that a later change has moved on.
/// </summary>
public sealed class AnnotationSubmission(ICurationStore store)
{
    /// <summary>The artifact kind holding the annotation.</summary>
    public const string ArtifactKind = "annotation";

    private static readonly CurationState[] s_accepting =
        [CurationState.Ready, CurationState.Drafted, CurationState.Revise];

    /// <summary>Whether an item in <paramref name="state"/> takes an annotation.</summary>
    public static bool IsAnnotatable(CurationState state) => s_accepting.Contains(state);

    public async Task<AnnotationOutcome> SubmitAsync(AnnotationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Annotator)) return Invalid("annotator", "missing");
        var item = await store.GetItemAsync(input.ItemId, cancellationToken).ConfigureAwait(false);
        if (item is null)
            return new(AnnotationOutcomeKind.NotFound, "item_id", $"no item '{input.ItemId}' in this workspace");
        if (string.IsNullOrWhiteSpace(input.Query)) return Invalid("query", "missing");
        if (string.IsNullOrWhiteSpace(input.Thought)) return Invalid("thought", "missing");

        var json = CurationJson.Serialize(new
        {
            annotator = input.Annotator, query = input.Query, thought = input.Thought, from_draft = input.FromDraft,
        });
        if (!IsAnnotatable(item.State))
        {
            var artifacts = await store.GetArtifactsAsync(item.Id, cancellationToken).ConfigureAwait(false);
            if (artifacts.TryGetValue(ArtifactKind, out var existing) && existing.Json == json)
                return new(AnnotationOutcomeKind.AlreadyApplied) { Version = item.Version };
            return new(AnnotationOutcomeKind.NotAnnotatable, "item_id",
                $"item '{item.Id}' is {item.State.ToStorage()}: {WhyNotAnnotatable(item)}");
        }

        if (input.ExpectedVersion is { } expected && expected != item.Version)
            return Stale(item, $"item '{item.Id}' changed since it was loaded (version {expected}, now {item.Version}); "
                + "nothing was saved: reload it and apply your edits again");
        if (input.ClaimOwner is { } owner && item.ClaimedBy != owner)
        {
            return new(AnnotationOutcomeKind.NotClaimed, "item_id", item.ClaimedBy is null
                ? $"item '{item.Id}' is not claimed by '{owner}'; claim it before submitting"
                : $"item '{item.Id}' is claimed by '{item.ClaimedBy}', not by '{owner}'");
        }

        var ok = await store.TransitionAsync([new StateTransition
        {
            ItemId = item.Id, ExpectedVersion = item.Version, From = item.State, To = CurationState.Annotated,
            Actor = Actor.Person(input.Annotator),
            Reason = input.FromDraft ? "LLM draft accepted by the annotator" : null,
            Genre = input.Genre, NeedsSpecialist = input.Specialised,
            Artifacts = [new ArtifactWrite(ArtifactKind, json)], RunId = input.RunId,
        }], cancellationToken).ConfigureAwait(false);
        return ok[0]
            ? new(AnnotationOutcomeKind.Applied) { Version = item.Version + 1 }
            : Stale(item,
                $"item '{item.Id}' changed while saving; nothing was saved: reload it and apply your edits again");
    }

    /// <summary>Why an item in this state takes no annotation, and what would bring it to annotation.</summary>
    public static string WhyNotAnnotatable(CurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State switch
        {
            CurationState.Ingested or CurationState.Assessed or CurationState.Screened =>
                "it has not passed the model stages yet (annotations are accepted for ready, drafted or revise items); "
                + "'inkstone run' moves it on, which needs a model for screening and analysis, or screening.mode and "
                + "analysis.mode 'none' in inkstone.json (what 'inkstone init --no-model' writes)",
            CurationState.Held =>
                "it is held for its publication date; release it first ('inkstone release' or 'inkstone import dates')",
            CurationState.Quarantined =>
                $"a stage failed on it ({item.Reason}); fix the cause and run 'inkstone run' again",
            CurationState.Annotated =>
                "it is annotated already with a different annotation; it takes a new one only after review sends it to revise",
            _ => "it is past annotation (annotations are accepted for ready, drafted or revise items)"
                + (item.Reason is null ? "" : $"; {item.Reason}"),
        };
    }

    private static AnnotationOutcome Invalid(string field, string message) =>
        new(AnnotationOutcomeKind.Invalid, field, message);

    private static AnnotationOutcome Stale(CurationItem item, string message) =>
        new(AnnotationOutcomeKind.Stale, "item_id", message) { Version = item.Version };
}
