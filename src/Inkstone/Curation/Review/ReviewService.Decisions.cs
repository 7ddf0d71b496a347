using System.Text;
using System.Text.Json;
using Inkstone.Curation.Annotation;
using Inkstone.Curation.Exchange;
using Inkstone.Storage;

namespace Inkstone.Curation.Review;

public sealed partial class ReviewService
{
    /// <summary>The key an import report counts items awaiting adjudication under.</summary>
    public const string AwaitingAdjudicationKey = "in_review(awaiting_adjudication)";

    /// <summary>Columns a CSV decisions file must have (alternatives separated by '|').</summary>
    public static IReadOnlyList<string> DecisionColumns { get; } = ["source_id|id", "reviewer", "decision"];

    /// <summary>
    /// Writes open assignments of the current round (optionally of one reviewer) as JSONL: item, round, reviewer and the
    /// triplet to review; returns how many.
    /// </summary>
    public async Task<long> ExportAssignmentsAsync(string path, string? reviewer = null, CancellationToken cancellationToken = default)
    {
        var open = (await _store.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(a => a.Decision is null && (reviewer is null || a.Reviewer == reviewer)).ToList();
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        long written = 0;
        foreach (var a in open)
        {
            var item = await _store.GetItemAsync(a.ItemId, cancellationToken).ConfigureAwait(false);
            if (item is null || item.State != CurationState.InReview || item.ReviewRound != a.Round) continue;
            written++;
            var artifacts = await _store.GetArtifactsAsync(a.ItemId, cancellationToken).ConfigureAwait(false);
            var annotation = artifacts.TryGetValue(AnnotationSubmission.ArtifactKind, out var an) ? RecordedAnnotation.Parse(an.Json) : null;
            using var scores = JsonDocument.Parse(artifacts.TryGetValue("scores", out var sc) ? sc.Json : "{}");
            await writer.WriteLineAsync(CurationJson.Serialize(new
            {
                source_id = a.ItemId, round = a.Round, reviewer = a.Reviewer, genre = item.Genre,
                specialised = item.NeedsSpecialist, query = annotation?.Query, thought = annotation?.Thought,
                answer = item.Text, scores = scores.RootElement,
                decision = (string?)null, reason = (string?)null, comment = (string?)null,
            }).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    /// <summary>
    /// Imports decisions (<c>source_id</c>, <c>round</c>, <c>reviewer</c>, <c>decision</c>: accept|revise|remove,
    /// <c>reason</c>, <c>comment</c>) and resolves items whose round is complete; items left awaiting adjudication are
    /// counted under <see cref="AwaitingAdjudicationKey"/>.
    /// </summary>
    public async Task<ImportReport> ImportDecisionsAsync(string path, string? runId = null, CancellationToken cancellationToken = default)
    {
        long records = 0, already = 0;
        var applied = new Dictionary<string, long>(StringComparer.Ordinal);
        var errors = new List<IngestError>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var file = ExchangeFileReader.ReadAsync(path, DecisionColumns, cancellationToken);
        await foreach (var record in file.ConfigureAwait(false))
        {
            records++;
            IngestError Error(string? field, string message) => new(record.Location, field, message);
            if (record.Error is not null) { errors.Add(Error(null, record.Error)); continue; }
            var id = record.Get("source_id") ?? record.Get("id");
            var reviewer = record.Get("reviewer");
            var decisionText = record.Get("decision");
            if (id is null) { errors.Add(Error("source_id", "missing")); continue; }
            if (reviewer is null) { errors.Add(Error("reviewer", "missing")); continue; }
            if (decisionText is null) continue; // an exported row not filled in yet
            if (!Enum.TryParse<ReviewDecisionKind>(decisionText, ignoreCase: true, out var decision) || int.TryParse(decisionText, out _))
            {
                errors.Add(Error("decision", $"'{decisionText}' is not accept, revise or remove"));
                continue;
            }

            int? round = record.Get("round") is { } r && int.TryParse(r, out var n) ? n : null;
            var outcome = await RecordAsync(id, round, reviewer, decision, record.Get("reason"), record.Get("comment"),
                cancellationToken).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case ReviewDecisionOutcomeKind.Recorded:
                    applied["decisions"] = applied.GetValueOrDefault("decisions") + 1;
                    touched.Add(id);
                    break;
                case ReviewDecisionOutcomeKind.AlreadyRecorded:
                    already++;
                    touched.Add(id);
                    break;
                default:
                    errors.Add(Error(outcome.Field, outcome.Message!));
                    break;
            }
        }

        foreach (var id in touched.Order(StringComparer.Ordinal))
        {
            var (state, awaiting) = await ResolveRoundAsync(id, runId, cancellationToken).ConfigureAwait(false);
            if ((state ?? (awaiting ? AwaitingAdjudicationKey : null)) is { } key) applied[key] = applied.GetValueOrDefault(key) + 1;
        }

        return new ImportReport(records, applied, already, errors);
    }

    /// <summary>
    /// Records one reviewer's decision on the item's current round (the web form) with the importer's checks, then
    /// applies the decision rule when the round is complete.
    /// </summary>
    public async Task<ReviewDecisionOutcome> DecideAsync(string itemId, string reviewer, ReviewDecisionKind decision,
        string? reasonCode, string? comment, string? runId = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reviewer)) return new(ReviewDecisionOutcomeKind.Invalid, "reviewer", "missing");
        var item = await _store.GetItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null) return new(ReviewDecisionOutcomeKind.NotFound, "item_id", $"no item '{itemId}' in this workspace");
        if (item.State != CurationState.InReview)
        {
            return new(ReviewDecisionOutcomeKind.NotInReview, "item_id",
                $"item '{item.Id}' is {item.State.ToStorage()}; decisions are taken for items in review");
        }

        var outcome = await RecordAsync(itemId, item.ReviewRound, reviewer, decision, reasonCode, comment, cancellationToken)
            .ConfigureAwait(false);
        if (outcome.Kind is not (ReviewDecisionOutcomeKind.Recorded or ReviewDecisionOutcomeKind.AlreadyRecorded)) return outcome;
        var (state, awaiting) = await ResolveRoundAsync(itemId, runId, cancellationToken).ConfigureAwait(false);
        return outcome with { ResolvedTo = state, AwaitingAdjudication = awaiting };
    }

    /// <summary>
    /// Applies the decision rule to an item in review whose current round is fully decided; returns the new state, or
    /// null (also when the round waits for adjudication).
    /// </summary>
    public async Task<string?> ResolveAsync(string itemId, string? runId = null, CancellationToken cancellationToken = default) =>
        (await ResolveRoundAsync(itemId, runId, cancellationToken).ConfigureAwait(false)).State;

    // The checks shared by the importer and the web form, then the store's compare-and-set on the open assignment.
    private async Task<ReviewDecisionOutcome> RecordAsync(string itemId, int? round, string reviewer, ReviewDecisionKind decision,
        string? reasonCode, string? comment, CancellationToken cancellationToken)
    {
        if (RemovalProblem(decision, reasonCode) is { } problem) return new(ReviewDecisionOutcomeKind.Invalid, "reason", problem);
        var item = await _store.GetItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null) return new(ReviewDecisionOutcomeKind.NotFound, "source_id", $"no item '{itemId}' in this workspace");
        var r = round ?? item.ReviewRound;
        var outcome = await _store.RecordReviewDecisionAsync(new ReviewDecision(itemId, r, reviewer, decision, reasonCode, comment),
            cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            DecisionOutcome.Recorded => new(ReviewDecisionOutcomeKind.Recorded),
            DecisionOutcome.AlreadyRecorded => new(ReviewDecisionOutcomeKind.AlreadyRecorded),
            DecisionOutcome.Conflict => new(ReviewDecisionOutcomeKind.Conflict, "decision",
                $"{reviewer} already decided differently on '{itemId}' round {r}; the first decision stands"),
            _ => new(ReviewDecisionOutcomeKind.NotAssigned, "reviewer", $"'{reviewer}' is not assigned to '{itemId}' round {r}"),
        };
    }

    private static string? RemovalProblem(ReviewDecisionKind decision, string? reasonCode) =>
        decision == ReviewDecisionKind.Remove && (reasonCode is null || !RemovalReasons.Contains(reasonCode))
            ? $"remove needs reason factual_error or guideline (got '{reasonCode}'); use revise for anything that can be fixed"
            : null;

    private async Task<(string? State, bool AwaitingAdjudication)> ResolveRoundAsync(string itemId, string? runId,
        CancellationToken cancellationToken)
    {
        var item = await _store.GetItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null || item.State != CurationState.InReview) return (null, false);
        var round = await CurrentRoundAsync(item, cancellationToken).ConfigureAwait(false);
        if (round.Count == 0 || round.Any(a => a.Decision is null)) return (null, false);
        if (AwaitsAdjudication(round)) return (null, true);

        var removal = round.FirstOrDefault(a => a.Decision == ReviewDecisionKind.Remove);
        var revisions = round.Where(a => a.Decision == ReviewDecisionKind.Revise).Select(a => $"{a.Reviewer}: {a.Comment ?? "revise"}");
        var (to, code, reason) = removal is not null
            ? (CurationState.Removed, removal.ReasonCode, $"removed by {removal.Reviewer}: {removal.Comment ?? removal.ReasonCode}")
            : round.All(a => a.Decision == ReviewDecisionKind.Accept)
                ? (CurationState.Accepted, (string?)null, $"accepted by all {round.Count} reviewers")
                : (CurationState.Revise, "review", string.Join("; ", revisions));
        var ok = await _store.TransitionAsync([new StateTransition
        {
            ItemId = itemId, ExpectedVersion = item.Version, From = CurationState.InReview, To = to, Actor = s_rule,
            ReasonCode = code, Reason = reason, RunId = runId,
        }], cancellationToken).ConfigureAwait(false);
        return (ok[0] ? Label(to, code) : null, false);
    }

    // A complete round waits for an adjudicator when adjudication is on and its decisions are not all the same.
    private bool AwaitsAdjudication(List<ReviewAssignment> round) =>
        _config.AdjudicateDisagreements && round.Count > 0 && round.All(a => a.Decision is not null)
        && round.Select(a => a.Decision).Distinct().Count() > 1;

    private static string Label(CurationState state, string? code) => code is null ? state.ToStorage() : $"{state.ToStorage()}({code})";
}
