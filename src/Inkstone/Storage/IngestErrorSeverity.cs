namespace Inkstone.Storage;

/// <summary>How bad an ingest problem is: the record was not stored, or not as given (error), or stored as it is (warning).</summary>
public enum IngestErrorSeverity
{
    Error,
    Warning,
}
