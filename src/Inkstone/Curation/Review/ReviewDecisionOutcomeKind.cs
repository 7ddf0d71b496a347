namespace Inkstone.Curation.Review;

public enum ReviewDecisionOutcomeKind
{
    Recorded,

    /// <summary>The same decision was recorded before (a form sent twice); nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>The reviewer decided differently before; the first decision stands.</summary>
    Conflict,

    /// <summary>The reviewer is not assigned to the item's current round.</summary>
    NotAssigned,

    NotFound,

    /// <summary>The item is not in review.</summary>
    NotInReview,

    /// <summary>
    /// A field is missing or wrong (remove without reason factual_error or guideline);
    /// <see cref="ReviewDecisionOutcome.Field"/> names it.
    /// </summary>
    Invalid,
}
