namespace Inkstone.Curation.Review;

/// <summary>What became of one reviewer's decision, and of the item when it completed the round.</summary>
public sealed record ReviewDecisionOutcome(ReviewDecisionOutcomeKind Kind, string? Field = null, string? Message = null)
{
    /// <summary>
    /// The state the decision rule moved the item to (<c>accepted</c>, <c>removed(guideline)</c>, <c>revise(review)</c>),
    /// when it did.
    /// </summary>
    public string? ResolvedTo { get; init; }

    /// <summary>True when the round is complete, its decisions differ, and the item waits for an adjudicator.</summary>
    public bool AwaitingAdjudication { get; init; }
}
