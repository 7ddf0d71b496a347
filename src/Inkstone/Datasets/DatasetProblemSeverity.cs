namespace Inkstone.Datasets;

public enum DatasetProblemSeverity
{
    /// <summary>Reported, but no record is rejected because of it (for example a byte order mark).</summary>
    Warning,

    /// <summary>The record it names is rejected (or, for a file-level error, reading stops).</summary>
    Error,
}
