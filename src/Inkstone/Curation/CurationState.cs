namespace Inkstone.Curation;

/// <summary>
/// Where a curation item stands. Every item is in exactly one state; every change is an audit event.
/// The stored spelling is <see cref="CurationStates.ToStorage"/> (snake case).
/// </summary>
public enum CurationState
{
    Ingested,
    Assessed,
    Screened,
    Ready,
    Drafted,
    Annotated,
    Scored,
    InReview,
    Accepted,
    Revise,
    Rejected,
    Held,
    Removed,
    Quarantined,
}
