namespace Inkstone.Datasets;

public enum DatasetEntryKind
{
    /// <summary>A record that passed every check; <see cref="DatasetEntry.Triplet"/> is set.</summary>
    Accepted,

    /// <summary>A record with at least one error; it is counted as read and rejected.</summary>
    Rejected,

    /// <summary>A file-level problem that is not a record (a warning, or an error that ends reading).</summary>
    FileProblem,
}
