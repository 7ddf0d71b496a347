namespace Inkstone.Storage;

/// <summary>A reviewer's assignment for one review round of an item, and the decision once made.</summary>
public sealed record ReviewAssignment
{
    public required string ItemId { get; init; }
    public required int Round { get; init; }
    public required string Reviewer { get; init; }
    public required DateTimeOffset AssignedAt { get; init; }
    public ReviewDecisionKind? Decision { get; init; }
    public string? ReasonCode { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
}
