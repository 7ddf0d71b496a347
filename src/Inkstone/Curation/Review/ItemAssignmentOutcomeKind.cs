namespace Inkstone.Curation.Review;

public enum ItemAssignmentOutcomeKind
{
    /// <summary>The item is in review with a new round of reviewers.</summary>
    Assigned,

    NotFound,

    /// <summary>The item is not scored (only scored items are sent to review).</summary>
    NotScored,

    /// <summary>The pool has too few people other than the annotator; the item stays scored.</summary>
    TooFewReviewers,

    /// <summary>Another process changed the item first; nothing was written.</summary>
    Stale,
}
