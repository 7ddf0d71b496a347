using Inkstone.Storage;

namespace Inkstone.Curation;

/// <summary>Computes <see cref="CurationStatus"/> from the state counts, the audit trail (streamed) and the accepted items.</summary>
public sealed class CurationStatusService(ICurationStore store)
{
    // Stage name, the state items leave, the state that counts as passing. First review is counted per item, on its first exit.
    private static readonly (string Stage, CurationState From, CurationState Pass)[] s_stages =
    [
        ("assessment", CurationState.Ingested, CurationState.Assessed),
        ("screening", CurationState.Assessed, CurationState.Screened),
        ("usability", CurationState.Screened, CurationState.Ready),
        ("score gate", CurationState.Annotated, CurationState.Scored),
        ("review (all rounds)", CurationState.InReview, CurationState.Accepted),
    ];

    public async Task<CurationStatus> ComputeAsync(int minimumPerGenre, CancellationToken cancellationToken = default)
    {
        var counts = await store.CountByStateAsync(cancellationToken).ConfigureAwait(false);
        var decided = new long[s_stages.Length];
        var passed = new long[s_stages.Length];
        var firstReviewSeen = new HashSet<string>(StringComparer.Ordinal);
        long firstReviewDecided = 0, firstReviewAccepted = 0;
        var annotated = new Dictionary<string, long>(StringComparer.Ordinal);
        var scored = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var e in store.ReadAuditAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (e.From is not { } from || e.To == CurationState.Quarantined) continue;
            if (e.Actor.Kind == ActorKind.Person)
            {
                if (e.To == CurationState.Annotated) Add(annotated, e.Actor.Name);
                if (from == CurationState.Annotated) Add(scored, e.Actor.Name);
            }
            for (var i = 0; i < s_stages.Length; i++)
            {
                if (s_stages[i].From != from) continue;
                decided[i]++;
                if (e.To == s_stages[i].Pass) passed[i]++;
            }

            if (from == CurationState.InReview && firstReviewSeen.Add(e.ItemId))
            {
                firstReviewDecided++;
                if (e.To == CurationState.Accepted) firstReviewAccepted++;
            }
        }

        var rates = s_stages.Select((s, i) => new CurationStatus.StageRate(s.Stage, s.From.ToStorage(), decided[i], passed[i])).ToList();
        rates.Add(new CurationStatus.StageRate("first review", CurationState.InReview.ToStorage(), firstReviewDecided, firstReviewAccepted));

        var genres = new Dictionary<string, long>(StringComparer.Ordinal);
        var platforms = new Dictionary<string, long>(StringComparer.Ordinal);
        var months = new Dictionary<string, long>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await store.ListItemsAsync(CurationState.Accepted, after, 500, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) break;
            after = page[^1].Id;
            foreach (var item in page)
            {
                Add(genres, item.Genre ?? "(none)");
                Add(platforms, item.Provenance?.Platform ?? "(unknown)");
                Add(months, item.Provenance?.PublishedAt is { } at ? at.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : "(undated)");
            }
        }

        var reviews = await store.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false);
        return new CurationStatus
        {
            Total = counts.Sum(c => c.Count),
            States = [.. counts.OrderBy(c => (int)c.State).ThenBy(c => c.ReasonCode, StringComparer.Ordinal).Select(c => new CurationStatus.StateLine(c.State.ToStorage(), c.ReasonCode, c.Count))],
            IngestErrors = await store.CountIngestErrorsAsync(IngestErrorSeverity.Error, cancellationToken).ConfigureAwait(false),
            IngestWarnings = await store.CountIngestErrorsAsync(IngestErrorSeverity.Warning, cancellationToken).ConfigureAwait(false),
            Workers = await store.ListWorkersAsync(CurationStatus.WorkerWindow, cancellationToken).ConfigureAwait(false),
            Rates = rates,
            Genres = Buckets(genres),
            Platforms = Buckets(platforms),
            Months = Buckets(months, byKey: true),
            MinimumPerGenre = minimumPerGenre,
            People = People(annotated, scored, reviews),
            Agreement = Agreement(reviews),
        };
    }

    private static List<CurationStatus.PersonWork> People(Dictionary<string, long> annotated, Dictionary<string, long> scored,
        IReadOnlyList<ReviewAssignment> reviews)
    {
        var byReviewer = reviews.GroupBy(r => r.Reviewer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. annotated.Keys.Concat(scored.Keys).Concat(byReviewer.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(person =>
            {
                var mine = byReviewer.GetValueOrDefault(person) ?? [];
                return new CurationStatus.PersonWork(person, annotated.GetValueOrDefault(person), scored.GetValueOrDefault(person), mine.Count,
                    mine.Count(r => r.Decision == ReviewDecisionKind.Accept), mine.Count(r => r.Decision == ReviewDecisionKind.Revise),
                    mine.Count(r => r.Decision == ReviewDecisionKind.Remove));
            })];
    }

    private static CurationStatus.ReviewAgreement Agreement(IReadOnlyList<ReviewAssignment> reviews)
    {
        long pairs = 0, agreeing = 0;
        foreach (var group in reviews.Where(r => r.Decision is not null).GroupBy(r => (r.ItemId, r.Round)))
        {
            var decisions = group.Select(r => r.Decision!.Value).ToList();
            for (var i = 0; i < decisions.Count; i++)
                for (var j = i + 1; j < decisions.Count; j++)
                {
                    pairs++;
                    if (decisions[i] == decisions[j]) agreeing++;
                }
        }
        return new CurationStatus.ReviewAgreement(pairs, agreeing);
    }

    private static void Add(Dictionary<string, long> map, string key) => map[key] = map.GetValueOrDefault(key) + 1;

    private static List<CurationStatus.Bucket> Buckets(Dictionary<string, long> map, bool byKey = false) =>
        [.. (byKey ? map.OrderBy(p => p.Key, StringComparer.Ordinal) : map.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)).Select(p => new CurationStatus.Bucket(p.Key, p.Value))];
}
