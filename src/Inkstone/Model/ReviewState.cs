namespace Inkstone.Model;

/// <summary>Where a triplet stands in human review (paper §2.3).</summary>
public enum ReviewState
{
    Unreviewed,
    InReview,
    Accepted,
    Revise,
    Removed,
}
