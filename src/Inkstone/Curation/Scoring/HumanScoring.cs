using System.Text.Json;
using Inkstone.Curation.Annotation;
using Inkstone.Curation.Stages;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Curation.Scoring;

/// <summary>
/// Applies one person's six-dimension scores (step 6) to an annotated item: the gate moves it to scored or
/// revise(gate) with the scores artifact, in one compare-and-swap transition by that person. The score importer and
/// the web form both go through here. A person may not score a triplet they annotated (the annotator named in the
/// annotation artifact). Sending the same scores again is <see cref="ScoringOutcomeKind.AlreadyApplied"/>.
/// </summary>
public sealed class HumanScoring(ICurationStore store, ScoreGate gate)
{
    public ScoreGate Gate => gate;

    public async Task<ScoringOutcome> ScoreAsync(string itemId, string scorer, AssessmentScores scores,
        long? expectedVersion = null, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (string.IsNullOrWhiteSpace(scorer)) return new(ScoringOutcomeKind.Invalid, "scorer", "missing");
        foreach (var dimension in AssessmentScores.Dimensions)
        {
            var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(dimension.ToString());
            if (scores[dimension] is not { } value) return new(ScoringOutcomeKind.Invalid, field, "missing");
            if (!AssessmentScores.IsInRange(value))
            {
                return new(ScoringOutcomeKind.Invalid, field,
                    $"{value} is not an integer from {AssessmentScores.Minimum} to {AssessmentScores.Maximum}");
            }
        }

        var item = await store.GetItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null) return new(ScoringOutcomeKind.NotFound, "item_id", $"no item '{itemId}' in this workspace");
        var decision = GateDecision.Apply(scores, gate, Actor.Person(scorer), scorer);
        var verdict = GateVerdict.Of(scores, gate);
        var artifacts = await store.GetArtifactsAsync(item.Id, cancellationToken).ConfigureAwait(false);
        if (item.State != CurationState.Annotated)
        {
            if (artifacts.TryGetValue("scores", out var existing) && existing.Json == decision.Artifacts[0].Json)
                return Done(ScoringOutcomeKind.AlreadyApplied, verdict, decision, item.Version);
            return new(ScoringOutcomeKind.NotAnnotated, "item_id",
                $"item '{item.Id}' is {item.State.ToStorage()}; scores are accepted for annotated items");
        }

        var annotator = artifacts.TryGetValue(AnnotationSubmission.ArtifactKind, out var annotation)
            ? RecordedAnnotation.Parse(annotation.Json).Annotator : null;
        if (annotator == scorer)
        {
            return new(ScoringOutcomeKind.SelfScoring, "scorer",
                $"'{scorer}' annotated item '{item.Id}' and may not score it; another person scores it");
        }

        if (expectedVersion is { } expected && expected != item.Version)
            return Stale(item, $"item '{item.Id}' changed since it was loaded (version {expected}, now {item.Version})");
        var ok = await store.TransitionAsync([new StateTransition
        {
            ItemId = item.Id, ExpectedVersion = item.Version, From = item.State, To = decision.To, Actor = decision.Actor,
            ReasonCode = decision.ReasonCode, Reason = decision.Reason, Artifacts = decision.Artifacts, RunId = runId,
        }], cancellationToken).ConfigureAwait(false);
        return ok[0]
            ? Done(ScoringOutcomeKind.Applied, verdict, decision, item.Version + 1)
            : Stale(item, $"item '{item.Id}' changed while saving");
    }

    private static ScoringOutcome Done(ScoringOutcomeKind kind, GateVerdict verdict, StageResult decision, long version) =>
        new(kind) { Verdict = verdict, To = decision.To, ReasonCode = decision.ReasonCode, Version = version };

    private static ScoringOutcome Stale(CurationItem item, string why) =>
        new(ScoringOutcomeKind.Stale, "item_id", $"{why}; nothing was saved: reload it") { Version = item.Version };
}
