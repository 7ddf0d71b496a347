using System.Text.Json;
using Inkstone.Curation.Annotation;
using Inkstone.Storage;

namespace Inkstone.Curation.Review;

public sealed partial class ReviewService
{
    /// <summary>The artifact kind an adjudication writes.</summary>
    public const string AdjudicationArtifactKind = "adjudication";

    /// <summary>Items waiting for an adjudicator, in id order, with their round's decisions; empty when adjudication is off.</summary>
    public async Task<IReadOnlyList<AwaitingAdjudication>> ListAwaitingAdjudicationAsync(CancellationToken cancellationToken = default)
    {
        if (!_config.AdjudicateDisagreements) return [];
        var result = new List<AwaitingAdjudication>();
        var rounds = (await _store.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false))
            .GroupBy(a => (a.ItemId, a.Round)).Where(g => AwaitsAdjudication([.. g])).OrderBy(g => g.Key.ItemId, StringComparer.Ordinal);
        foreach (var round in rounds)
        {
            var item = await _store.GetItemAsync(round.Key.ItemId, cancellationToken).ConfigureAwait(false);
            if (item is { State: CurationState.InReview } && item.ReviewRound == round.Key.Round)
                result.Add(new AwaitingAdjudication(item, round.Key.Round, [.. round]));
        }

        return result;
    }

    /// <summary>
    /// The final decision on an item awaiting adjudication, by a person who neither reviewed its round nor annotated
    /// it: writes the <c>adjudication</c> artifact (the round's decisions, the final decision, adjudicator, comment)
    /// with the transition out of review, whose actor is the adjudicator. <c>remove</c> needs reason factual_error or
    /// guideline. The same adjudication sent again is <see cref="AdjudicationOutcomeKind.AlreadyApplied"/>.
    /// </summary>
    public async Task<AdjudicationOutcome> AdjudicateAsync(string itemId, string adjudicator, ReviewDecisionKind decision,
        string? reasonCode, string? comment, long? expectedVersion = null, string? runId = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(adjudicator)) return new(AdjudicationOutcomeKind.Invalid, "adjudicator", "missing");
        if (RemovalProblem(decision, reasonCode) is { } problem) return new(AdjudicationOutcomeKind.Invalid, "reason", problem);
        var item = await _store.GetItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null) return new(AdjudicationOutcomeKind.NotFound, "item_id", $"no item '{itemId}' in this workspace");
        var round = await CurrentRoundAsync(item, cancellationToken).ConfigureAwait(false);
        var artifacts = await _store.GetArtifactsAsync(itemId, cancellationToken).ConfigureAwait(false);
        var json = AdjudicationJson(item.ReviewRound, round, decision, reasonCode, adjudicator, comment);
        if (item.State != CurationState.InReview
            && artifacts.TryGetValue(AdjudicationArtifactKind, out var previous) && previous.Json == json)
            return new(AdjudicationOutcomeKind.AlreadyApplied) { ResolvedTo = Label(item.State, item.ReasonCode) };
        if (expectedVersion is { } expected && expected != item.Version)
            return Refused(AdjudicationOutcomeKind.Stale, $"item '{item.Id}' changed since it was loaded "
                + $"(version {expected}, now {item.Version}); nothing was saved: reload it");
        if (!_config.AdjudicateDisagreements)
            return Refused(AdjudicationOutcomeKind.NotAwaiting, "adjudication is off (review.adjudicate_disagreements); "
                + "the decision rule resolves every round");
        if (item.State != CurationState.InReview || !AwaitsAdjudication(round))
            return Refused(AdjudicationOutcomeKind.NotAwaiting, $"item '{item.Id}' is not awaiting adjudication "
                + (item.State != CurationState.InReview ? $"(it is {item.State.ToStorage()})" : "(its round is open or agrees)"));
        if (round.Any(a => a.Reviewer == adjudicator))
            return NotAllowed($"'{adjudicator}' reviewed this round of '{item.Id}'; another person adjudicates it");
        var annotator = artifacts.TryGetValue(AnnotationSubmission.ArtifactKind, out var annotation)
            ? RecordedAnnotation.Parse(annotation.Json).Annotator : null;
        if (annotator == adjudicator) return NotAllowed($"'{adjudicator}' annotated '{item.Id}'; another person adjudicates it");

        var (to, code) = decision switch
        {
            ReviewDecisionKind.Accept => (CurationState.Accepted, (string?)null),
            ReviewDecisionKind.Remove => (CurationState.Removed, reasonCode),
            _ => (CurationState.Revise, "review"),
        };
        var split = string.Join(", ", round.Select(a => $"{a.Reviewer} {Name(a.Decision!.Value)}"));
        var ok = await _store.TransitionAsync([new StateTransition
        {
            ItemId = item.Id, ExpectedVersion = item.Version, From = CurationState.InReview, To = to,
            Actor = Actor.Person(adjudicator), ReasonCode = code,
            Reason = $"adjudicated by {adjudicator} ({split}): {comment ?? reasonCode ?? Name(decision)}",
            Artifacts = [new ArtifactWrite(AdjudicationArtifactKind, json)], RunId = runId,
        }], cancellationToken).ConfigureAwait(false);
        return ok[0]
            ? new(AdjudicationOutcomeKind.Applied) { ResolvedTo = Label(to, code) }
            : Refused(AdjudicationOutcomeKind.Stale, $"item '{item.Id}' changed while saving; nothing was saved: reload it");
    }

    private static AdjudicationOutcome Refused(AdjudicationOutcomeKind kind, string message) => new(kind, "item_id", message);

    private static AdjudicationOutcome NotAllowed(string message) => new(AdjudicationOutcomeKind.NotAllowed, "adjudicator", message);

    private static string AdjudicationJson(int round, List<ReviewAssignment> decisions, ReviewDecisionKind decision,
        string? reasonCode, string adjudicator, string? comment) =>
        CurationJson.Serialize(new
        {
            round,
            decisions = decisions.Select(a => new
            {
                reviewer = a.Reviewer, decision = a.Decision is { } d ? Name(d) : null, reason = a.ReasonCode, comment = a.Comment,
            }),
            decision = Name(decision), reason = reasonCode, adjudicator, comment,
        });

    private static string Name(ReviewDecisionKind decision) => JsonNamingPolicy.SnakeCaseLower.ConvertName(decision.ToString());
}
