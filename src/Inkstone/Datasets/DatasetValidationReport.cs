namespace Inkstone.Datasets;

/// <summary>What reading a dataset file found: the format read and the counts and problems of <see cref="DatasetReadSummary"/>.</summary>
public sealed record DatasetValidationReport(string Source, DatasetFormat Format, DatasetReadSummary Summary)
{
    /// <summary>True when every record was accepted and the file was read to its end (warnings allowed).</summary>
    public bool IsValid => Summary.Rejected == 0 && Summary.FileErrors == 0;
}
