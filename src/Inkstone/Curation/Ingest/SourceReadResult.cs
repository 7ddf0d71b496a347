using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>A reader yields either a record or a located error for a record it could not read; it never stops at one.</summary>
public sealed record SourceReadResult(SourceRecord? Record, IngestError? Error)
{
    public static SourceReadResult Ok(SourceRecord record) => new(record, null);

    public static SourceReadResult Fail(SourceLocation location, string? field, string message) => new(null, new IngestError(location, field, message));
}
