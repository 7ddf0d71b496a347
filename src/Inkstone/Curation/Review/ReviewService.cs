using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inkstone.Curation.Exchange;
using Inkstone.Storage;

namespace Inkstone.Curation.Review;

/// <summary>
/// Human review (paper §2.3). Assignment: every scored item goes to <c>review.reviewers</c> people (2), or
/// <c>review.specialist_reviewers</c> (4) when flagged as needing specialised knowledge, never to its own annotator;
/// the least-loaded reviewers are chosen, ties broken by a hash of item and reviewer (deterministic, spread evenly).
/// Decision rule, once every assigned reviewer of the round has decided: any <c>remove</c> (reason
/// <c>factual_error</c> or <c>guideline</c>) → removed; all <c>accept</c> → accepted; otherwise → revise (back to annotation).
/// </summary>
public sealed class ReviewService(ICurationStore store, WorkspaceConfig.ReviewConfig config)
{
    public static readonly IReadOnlySet<string> RemovalReasons = new HashSet<string>(StringComparer.Ordinal) { "factual_error", "guideline" };
    private static readonly Actor s_rule = Actor.System("review-rule");

    public async Task<ReviewAssignmentReport> AssignAsync(IReadOnlyList<string> reviewers, long? limit = null, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        var pool = reviewers.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (pool.Count == 0) throw new ArgumentException("no reviewers given", nameof(reviewers));
        var load = pool.ToDictionary(r => r, _ => 0L, StringComparer.Ordinal);
        foreach (var open in (await store.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false)).Where(a => a.Decision is null))
            if (load.TryGetValue(open.Reviewer, out var count)) load[open.Reviewer] = count + 1;

        var perReviewer = new Dictionary<string, long>(StringComparer.Ordinal);
        var problems = new List<IngestError>();
        long assigned = 0;
        string? after = null;
        while (limit is not { } l || assigned < l)
        {
            var page = await store.ListItemsAsync(CurationState.Scored, after, 200, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) break;
            after = page[^1].Id;
            foreach (var item in page)
            {
                if (limit is { } max && assigned >= max) break;
                var annotator = await AnnotatorOfAsync(item.Id, cancellationToken).ConfigureAwait(false);
                var needed = item.NeedsSpecialist ? config.SpecialistReviewers : config.Reviewers;
                var eligible = pool.Where(r => r != annotator).ToList();
                if (eligible.Count < needed)
                {
                    problems.Add(new IngestError(new SourceLocation(item.Id, "review"), "reviewers",
                        $"needs {needed} reviewers other than annotator '{annotator}', only {eligible.Count} given; item stays scored"));
                    continue;
                }

                var chosen = eligible.OrderBy(r => load[r]).ThenBy(r => TieBreak(item.Id, r)).ThenBy(r => r, StringComparer.Ordinal).Take(needed).ToList();
                var ok = await store.TransitionAsync([new StateTransition
                {
                    ItemId = item.Id, ExpectedVersion = item.Version, From = CurationState.Scored, To = CurationState.InReview, Actor = s_rule,
                    Reason = $"assigned to {string.Join(", ", chosen)}", Reviewers = chosen, RunId = runId,
                }], cancellationToken).ConfigureAwait(false);
                if (!ok[0]) continue; // another process assigned it first
                foreach (var r in chosen)
                {
                    load[r]++;
                    perReviewer[r] = perReviewer.GetValueOrDefault(r) + 1;
                }

                assigned++;
            }
        }

        return new ReviewAssignmentReport(assigned, perReviewer, problems);
    }

    /// <summary>Writes open assignments of the current round (optionally of one reviewer) as JSONL: item, round, reviewer and the triplet to review; returns how many.</summary>
    public async Task<long> ExportAssignmentsAsync(string path, string? reviewer = null, CancellationToken cancellationToken = default)
    {
        var open = (await store.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(a => a.Decision is null && (reviewer is null || a.Reviewer == reviewer)).ToList();
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        long written = 0;
        foreach (var a in open)
        {
            var item = await store.GetItemAsync(a.ItemId, cancellationToken).ConfigureAwait(false);
            if (item is null || item.State != CurationState.InReview || item.ReviewRound != a.Round) continue;
            written++;
            var artifacts = await store.GetArtifactsAsync(a.ItemId, cancellationToken).ConfigureAwait(false);
            using var annotation = JsonDocument.Parse(artifacts.TryGetValue("annotation", out var an) ? an.Json : "{}");
            using var scores = JsonDocument.Parse(artifacts.TryGetValue("scores", out var sc) ? sc.Json : "{}");
            await writer.WriteLineAsync(CurationJson.Serialize(new
            {
                source_id = a.ItemId, round = a.Round, reviewer = a.Reviewer, genre = item.Genre, specialised = item.NeedsSpecialist,
                query = annotation.RootElement.TryGetProperty("query", out var q) ? q.GetString() : null,
                thought = annotation.RootElement.TryGetProperty("thought", out var t) ? t.GetString() : null,
                answer = item.Text, scores = scores.RootElement,
                decision = (string?)null, reason = (string?)null, comment = (string?)null,
            }).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    /// <summary>Columns a CSV decisions file must have (alternatives separated by '|').</summary>
    public static IReadOnlyList<string> DecisionColumns { get; } = ["source_id|id", "reviewer", "decision"];

    /// <summary>Imports decisions (<c>source_id</c>, <c>round</c>, <c>reviewer</c>, <c>decision</c>: accept|revise|remove, <c>reason</c>, <c>comment</c>) and resolves items whose round is complete.</summary>
    public async Task<ImportReport> ImportDecisionsAsync(string path, string? runId = null, CancellationToken cancellationToken = default)
    {
        long records = 0, already = 0;
        var applied = new Dictionary<string, long>(StringComparer.Ordinal);
        var errors = new List<IngestError>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var record in ExchangeFileReader.ReadAsync(path, DecisionColumns, cancellationToken).ConfigureAwait(false))
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
            { errors.Add(Error("decision", $"'{decisionText}' is not accept, revise or remove")); continue; }
            var reason = record.Get("reason");
            if (decision == ReviewDecisionKind.Remove && (reason is null || !RemovalReasons.Contains(reason)))
            { errors.Add(Error("reason", $"remove needs reason factual_error or guideline (got '{reason}'); use revise for anything that can be fixed")); continue; }
            var item = await store.GetItemAsync(id, cancellationToken).ConfigureAwait(false);
            if (item is null) { errors.Add(Error("source_id", $"no item '{id}' in this workspace")); continue; }
            var round = record.Get("round") is { } r && int.TryParse(r, out var n) ? n : item.ReviewRound;
            var outcome = await store.RecordReviewDecisionAsync(new ReviewDecision(id, round, reviewer, decision, reason, record.Get("comment")), cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case DecisionOutcome.Recorded: applied["decisions"] = applied.GetValueOrDefault("decisions") + 1; touched.Add(id); break;
                case DecisionOutcome.AlreadyRecorded: already++; touched.Add(id); break;
                case DecisionOutcome.Conflict: errors.Add(Error("decision", $"{reviewer} already decided differently on '{id}' round {round}; the first decision stands")); break;
                case DecisionOutcome.NotAssigned: errors.Add(Error("reviewer", $"'{reviewer}' is not assigned to '{id}' round {round}")); break;
            }
        }

        foreach (var id in touched.Order(StringComparer.Ordinal))
            if (await ResolveAsync(id, runId, cancellationToken).ConfigureAwait(false) is { } state)
                applied[state] = applied.GetValueOrDefault(state) + 1;
        return new ImportReport(records, applied, already, errors);
    }

    /// <summary>Applies the decision rule to an item in review whose current round is fully decided; returns the new state, or null.</summary>
    public async Task<string?> ResolveAsync(string itemId, string? runId = null, CancellationToken cancellationToken = default)
    {
        var item = await store.GetItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null || item.State != CurationState.InReview) return null;
        var round = (await store.ListReviewsAsync(itemId, cancellationToken).ConfigureAwait(false)).Where(a => a.Round == item.ReviewRound).ToList();
        if (round.Count == 0 || round.Any(a => a.Decision is null)) return null;

        var removal = round.FirstOrDefault(a => a.Decision == ReviewDecisionKind.Remove);
        var (to, code, reason) = removal is not null
            ? (CurationState.Removed, removal.ReasonCode, $"removed by {removal.Reviewer}: {removal.Comment ?? removal.ReasonCode}")
            : round.All(a => a.Decision == ReviewDecisionKind.Accept)
                ? (CurationState.Accepted, (string?)null, $"accepted by all {round.Count} reviewers")
                : (CurationState.Revise, "review", string.Join("; ", round.Where(a => a.Decision == ReviewDecisionKind.Revise).Select(a => $"{a.Reviewer}: {a.Comment ?? "revise"}")));
        var ok = await store.TransitionAsync([new StateTransition
        {
            ItemId = itemId, ExpectedVersion = item.Version, From = CurationState.InReview, To = to, Actor = s_rule, ReasonCode = code, Reason = reason, RunId = runId,
        }], cancellationToken).ConfigureAwait(false);
        return ok[0] ? (code is null ? to.ToStorage() : $"{to.ToStorage()}({code})") : null;
    }

    private async Task<string?> AnnotatorOfAsync(string itemId, CancellationToken cancellationToken)
    {
        var artifacts = await store.GetArtifactsAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (!artifacts.TryGetValue("annotation", out var annotation)) return null;
        using var json = JsonDocument.Parse(annotation.Json);
        return json.RootElement.TryGetProperty("annotator", out var a) ? a.GetString() : null;
    }

    private static int TieBreak(string itemId, string reviewer) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(itemId + "\n" + reviewer)), 0);
}
