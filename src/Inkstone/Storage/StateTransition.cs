using Inkstone.Curation;

namespace Inkstone.Storage;

/// <summary>
/// A compare-and-swap state change: it applies only when the item is still in <see cref="From"/> at
/// <see cref="ExpectedVersion"/>; otherwise nothing is written (someone else changed the item first).
/// The audit event, the artifacts and the review assignments are written in the same transaction.
/// </summary>
public sealed record StateTransition
{
    public required string ItemId { get; init; }
    public required long ExpectedVersion { get; init; }
    public required CurationState From { get; init; }
    public required CurationState To { get; init; }
    public required Actor Actor { get; init; }
    public string? ReasonCode { get; init; }
    public string? Reason { get; init; }
    public CurationState? ReturnState { get; init; }
    public IReadOnlyList<ArtifactWrite> Artifacts { get; init; } = [];

    /// <summary>Sets the genre when not null.</summary>
    /// <summary>When set, replaces the item's publication date (a held item released with a checked date).</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public string? Genre { get; init; }

    /// <summary>Sets the specialist flag when not null.</summary>
    public bool? NeedsSpecialist { get; init; }

    /// <summary>Reviewers to assign for a new review round; when not empty the item's review round grows by one.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    public string? RunId { get; init; }
}
