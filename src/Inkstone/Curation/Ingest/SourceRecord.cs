using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>One source text as read from a file, before normalization and gates. Fields are as written (dates unparsed).</summary>
public sealed record SourceRecord
{
    public required SourceLocation Location { get; init; }
    public string? Id { get; init; }
    public string? Text { get; init; }
    public string? Title { get; init; }
    public string? Genre { get; init; }
    public string? Url { get; init; }
    public string? Platform { get; init; }
    public string? Author { get; init; }
    public string? PublishedAt { get; init; }
    public long? Likes { get; init; }
    public long? Shares { get; init; }
    public long? Comments { get; init; }

    /// <summary>Problems with single fields (the record is still usable); each becomes a located ingest error.</summary>
    public IReadOnlyList<IngestError> FieldErrors { get; init; } = [];
}
