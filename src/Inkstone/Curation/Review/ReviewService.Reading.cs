using Inkstone.Curation.Annotation;
using Inkstone.Curation.Scoring;

namespace Inkstone.Curation.Review;

public sealed partial class ReviewService
{
    /// <summary>
    /// The reviewer's assignment in the item's current round, or null when there is none. The other reviewers'
    /// assignments are included only once this reviewer has decided.
    /// </summary>
    public async Task<ReviewerAssignmentView?> GetAssignmentAsync(string itemId, string reviewer,
        CancellationToken cancellationToken = default)
    {
        var item = await _store.GetItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null || item.ReviewRound == 0) return null;
        var round = await CurrentRoundAsync(item, cancellationToken).ConfigureAwait(false);
        var own = round.FirstOrDefault(a => a.Reviewer == reviewer);
        if (own is null) return null;
        var artifacts = await _store.GetArtifactsAsync(itemId, cancellationToken).ConfigureAwait(false);
        var annotation = artifacts.TryGetValue(AnnotationSubmission.ArtifactKind, out var an) ? RecordedAnnotation.Parse(an.Json) : null;
        return new ReviewerAssignmentView
        {
            Item = item, Round = item.ReviewRound, Query = annotation?.Query, Thought = annotation?.Thought,
            Scores = artifacts.TryGetValue("scores", out var scores) ? ScoreSheet.Parse(scores.Json) : null,
            Own = own, Others = own.Decision is null ? [] : [.. round.Where(a => a.Reviewer != reviewer)],
        };
    }

    /// <summary>The reviewer's undecided assignments in current rounds of items in review, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewQueueEntry>> ListOpenAssignmentsAsync(string reviewer,
        CancellationToken cancellationToken = default)
    {
        var open = (await _store.ListReviewsAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(a => a.Reviewer == reviewer && a.Decision is null)
            .OrderBy(a => a.AssignedAt).ThenBy(a => a.ItemId, StringComparer.Ordinal);
        var queue = new List<ReviewQueueEntry>();
        foreach (var a in open)
        {
            var item = await _store.GetItemAsync(a.ItemId, cancellationToken).ConfigureAwait(false);
            if (item is null || item.State != CurationState.InReview || item.ReviewRound != a.Round) continue;
            queue.Add(new ReviewQueueEntry(a.ItemId, a.Round, a.AssignedAt, item.Title, item.Genre, item.NeedsSpecialist,
                item.CharCount));
        }

        return queue;
    }
}
