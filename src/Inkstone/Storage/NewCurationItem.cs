using Inkstone.Curation;
using Inkstone.Model;

namespace Inkstone.Storage;

/// <summary>A source text to be stored as a curation item, with the state the ingest gates gave it.</summary>
public sealed record NewCurationItem
{
    public required string Id { get; init; }
    public required string Text { get; init; }

    /// <summary>Hex SHA-256 of the normalized text; the store rejects a second item with the same hash as an exact duplicate.</summary>
    public required string TextHash { get; init; }

    /// <summary>Unicode code points in <see cref="Text"/>.</summary>
    public required int CharCount { get; init; }

    public required SourceLocation Source { get; init; }
    public string? Title { get; init; }
    public string? Genre { get; init; }
    public Provenance? Provenance { get; init; }
    public CurationState State { get; init; } = CurationState.Ingested;
    public string? ReasonCode { get; init; }
    public string? Reason { get; init; }

    /// <summary>Near-duplicate signature kept so that later ingests are compared against the workspace.</summary>
    public byte[]? Signature { get; init; }
}
