namespace Inkstone.Curation.Review;

/// <summary>What became of assigning one item to review: the reviewers chosen, or why none were.</summary>
public sealed record ItemAssignmentOutcome(ItemAssignmentOutcomeKind Kind, IReadOnlyList<string> Reviewers,
    string? Message = null);
