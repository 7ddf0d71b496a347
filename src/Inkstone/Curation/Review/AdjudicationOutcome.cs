namespace Inkstone.Curation.Review;

/// <summary>What became of one adjudication; <see cref="Message"/> is written for the adjudicator.</summary>
public sealed record AdjudicationOutcome(AdjudicationOutcomeKind Kind, string? Field = null, string? Message = null)
{
    /// <summary>The state the item went to (<c>accepted</c>, <c>removed(factual_error)</c>, <c>revise(review)</c>).</summary>
    public string? ResolvedTo { get; init; }
}
