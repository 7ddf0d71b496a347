using System.Security.Cryptography;
using System.Text;
using Inkstone.Curation.Annotation;
using Inkstone.Storage;

namespace Inkstone.Curation.Review;

/// <summary>
/// Human review (paper §2.3). Assignment: every scored item goes to <c>review.reviewers</c> people (2), or
/// <c>review.specialist_reviewers</c> (4) when flagged as needing specialised knowledge, never to its own annotator.
/// Specialised items take expert reviewers first and ordinary ones only when there are too few experts; ordinary
/// items take ordinary reviewers first, so that experts stay free for the items that need them. Within a tier the
/// least-loaded reviewers are chosen, ties broken by a hash of item and reviewer (deterministic, spread evenly).
/// Decision rule, once every assigned reviewer of the round has decided: any <c>remove</c> (reason
/// <c>factual_error</c> or <c>guideline</c>) → removed; all <c>accept</c> → accepted; otherwise → revise (back to
/// annotation). With <c>review.adjudicate_disagreements</c>, a round whose decisions are not all the same waits in
/// review for an adjudicator instead (<see cref="AdjudicateAsync"/>); unanimous rounds resolve by the rule.
/// </summary>
public sealed partial class ReviewService
{
    public static readonly IReadOnlySet<string> RemovalReasons =
        new HashSet<string>(StringComparer.Ordinal) { "factual_error", "guideline" };

    private static readonly Actor s_rule = Actor.System("review-rule");

    private readonly ICurationStore _store;
    private readonly WorkspaceConfig.ReviewConfig _config;

    public ReviewService(ICurationStore store, WorkspaceConfig.ReviewConfig config)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _config = config ?? throw new ArgumentNullException(nameof(config));
    }

    /// <summary>Sends scored items to review, every reviewer an ordinary one (the CLI's <c>review assign</c>).</summary>
    public Task<ReviewAssignmentReport> AssignAsync(IReadOnlyList<string> reviewers, long? limit = null, string? runId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        var pool = new ReviewerPool(reviewers);
        if (pool.Count == 0) throw new ArgumentException("no reviewers given", nameof(reviewers));
        return AssignAsync(pool, limit, runId, cancellationToken);
    }

    /// <summary>Sends scored items (in id order, up to <paramref name="limit"/>) to review from <paramref name="pool"/>.</summary>
    public async Task<ReviewAssignmentReport> AssignAsync(ReviewerPool pool, long? limit = null, string? runId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Count == 0) throw new ArgumentException("no reviewers given", nameof(pool));
        var load = await LoadAsync(pool, cancellationToken).ConfigureAwait(false);
        var perReviewer = new Dictionary<string, long>(StringComparer.Ordinal);
        var problems = new List<IngestError>();
        long assigned = 0;
        string? after = null;
        while (limit is not { } l || assigned < l)
        {
            var page = await _store.ListItemsAsync(CurationState.Scored, after, 200, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) break;
            after = page[^1].Id;
            foreach (var item in page)
            {
                if (limit is { } max && assigned >= max) break;
                var outcome = await AssignAsync(item, pool, load, runId, cancellationToken).ConfigureAwait(false);
                if (outcome.Kind == ItemAssignmentOutcomeKind.TooFewReviewers)
                    problems.Add(new IngestError(new SourceLocation(item.Id, "review"), "reviewers", outcome.Message!));
                if (outcome.Kind != ItemAssignmentOutcomeKind.Assigned) continue; // Stale: another process assigned it first
                foreach (var r in outcome.Reviewers) perReviewer[r] = perReviewer.GetValueOrDefault(r) + 1;
                assigned++;
            }
        }

        return new ReviewAssignmentReport(assigned, perReviewer, problems);
    }

    /// <summary>Sends one scored item to review now (the web app calls this right after a scoring), by the same rules.</summary>
    public async Task<ItemAssignmentOutcome> AssignItemAsync(string itemId, ReviewerPool pool, string? runId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var item = await _store.GetItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null) return new(ItemAssignmentOutcomeKind.NotFound, [], $"no item '{itemId}' in this workspace");
        if (item.State != CurationState.Scored)
        {
            return new(ItemAssignmentOutcomeKind.NotScored, [],
                $"item '{item.Id}' is {item.State.ToStorage()}; only scored items are sent to review");
        }

        var load = await LoadAsync(pool, cancellationToken).ConfigureAwait(false);
        return await AssignAsync(item, pool, load, runId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ItemAssignmentOutcome> AssignAsync(CurationItem item, ReviewerPool pool, Dictionary<string, long> load,
        string? runId, CancellationToken cancellationToken)
    {
        var annotator = (await RecordedAnnotation.ReadAsync(_store, item.Id, cancellationToken).ConfigureAwait(false))?.Annotator;
        var needed = item.NeedsSpecialist ? _config.SpecialistReviewers : _config.Reviewers;
        var (first, second) = item.NeedsSpecialist ? (pool.Experts, pool.Reviewers) : (pool.Reviewers, pool.Experts);
        var eligible = first.Select(r => (Reviewer: r, Tier: 0)).Concat(second.Select(r => (Reviewer: r, Tier: 1)))
            .Where(c => c.Reviewer != annotator).ToList();
        if (eligible.Count < needed)
        {
            return new(ItemAssignmentOutcomeKind.TooFewReviewers, [],
                $"needs {needed} reviewers other than annotator '{annotator}', only {eligible.Count} given; item stays scored");
        }

        var chosen = eligible.OrderBy(c => c.Tier).ThenBy(c => load.GetValueOrDefault(c.Reviewer))
            .ThenBy(c => TieBreak(item.Id, c.Reviewer)).ThenBy(c => c.Reviewer, StringComparer.Ordinal)
            .Take(needed).Select(c => c.Reviewer).ToList();
        var ok = await _store.TransitionAsync([new StateTransition
        {
            ItemId = item.Id, ExpectedVersion = item.Version, From = CurationState.Scored, To = CurationState.InReview,
            Actor = s_rule, Reason = $"assigned to {string.Join(", ", chosen)}", Reviewers = chosen, RunId = runId,
        }], cancellationToken).ConfigureAwait(false);
        if (!ok[0]) return new(ItemAssignmentOutcomeKind.Stale, [], $"item '{item.Id}' changed while assigning; nothing was written");
        foreach (var r in chosen) load[r] = load.GetValueOrDefault(r) + 1;
        return new(ItemAssignmentOutcomeKind.Assigned, chosen);
    }

    // Open assignments per reviewer of the pool: the load that assignment balances.
    private async Task<Dictionary<string, long>> LoadAsync(ReviewerPool pool, CancellationToken cancellationToken)
    {
        var load = pool.Reviewers.Concat(pool.Experts).ToDictionary(r => r, _ => 0L, StringComparer.Ordinal);
        var open = (await _store.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false)).Where(a => a.Decision is null);
        foreach (var assignment in open)
            if (load.TryGetValue(assignment.Reviewer, out var count)) load[assignment.Reviewer] = count + 1;
        return load;
    }

    // The assignments of the item's current review round.
    private async Task<List<ReviewAssignment>> CurrentRoundAsync(CurationItem item, CancellationToken cancellationToken) =>
        [.. (await _store.ListReviewsAsync(item.Id, cancellationToken).ConfigureAwait(false)).Where(a => a.Round == item.ReviewRound)];

    private static int TieBreak(string itemId, string reviewer) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(itemId + "\n" + reviewer)), 0);
}
