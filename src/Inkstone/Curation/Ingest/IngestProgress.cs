namespace Inkstone.Curation.Ingest;

public sealed record IngestProgress(long RecordsRead, long Stored, long Errors);
