namespace Inkstone.Curation.Review;

public enum AdjudicationOutcomeKind
{
    /// <summary>The final decision moved the item out of review.</summary>
    Applied,

    /// <summary>The same adjudicator's same decision on this round was applied before; nothing changed.</summary>
    AlreadyApplied,

    NotFound,

    /// <summary>The item changed since the adjudicator loaded it; nothing was written.</summary>
    Stale,

    /// <summary>Not awaiting adjudication: adjudication is off, or the round is open or its decisions agree.</summary>
    NotAwaiting,

    /// <summary>The adjudicator reviewed this round or annotated the item.</summary>
    NotAllowed,

    /// <summary>A field is missing or wrong; <see cref="AdjudicationOutcome.Field"/> names it.</summary>
    Invalid,
}
