using Inkstone.Curation;
using Inkstone.Model;

namespace Inkstone.Storage;

/// <summary>A stored curation item: one source text on its way to a triplet. <see cref="Version"/> grows by one per change.</summary>
public sealed record CurationItem
{
    public required string Id { get; init; }
    public required CurationState State { get; init; }
    public string? ReasonCode { get; init; }
    public string? Reason { get; init; }

    /// <summary>For quarantined items: the state the failed stage started from, to which a retry returns.</summary>
    public CurationState? ReturnState { get; init; }

    public required long Version { get; init; }
    public required string Text { get; init; }
    public required string TextHash { get; init; }
    public required int CharCount { get; init; }
    public required SourceLocation Source { get; init; }
    public string? Title { get; init; }
    public string? Genre { get; init; }
    public Provenance? Provenance { get; init; }
    public bool NeedsSpecialist { get; init; }

    /// <summary>How many times the item entered review (1 on the first review).</summary>
    public int ReviewRound { get; init; }

    public string? ClaimedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
