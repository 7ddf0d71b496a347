using Inkstone.Model;

namespace Inkstone.Datasets;

/// <summary>
/// What <see cref="DatasetReader"/> yields for each record (an accepted triplet, or a rejected record with its
/// problems) and for each file-level problem.
/// </summary>
public sealed record DatasetEntry
{
    public required DatasetEntryKind Kind { get; init; }

    /// <summary>The accepted triplet; null unless <see cref="Kind"/> is <see cref="DatasetEntryKind.Accepted"/>.</summary>
    public Triplet? Triplet { get; init; }

    /// <summary>Problems of a rejected record (at least one error) or the file-level problem; empty when accepted.</summary>
    public IReadOnlyList<DatasetProblem> Problems { get; init; } = [];

    /// <summary>Line (JSON, JSONL) where the record starts.</summary>
    public long? Line { get; init; }

    /// <summary>Row (Parquet) of the record, 1-based over all row groups.</summary>
    public long? Row { get; init; }

    public bool IsAccepted => Kind == DatasetEntryKind.Accepted;

    public static DatasetEntry Accepted(Triplet triplet, long? line, long? row) =>
        new() { Kind = DatasetEntryKind.Accepted, Triplet = triplet, Line = line, Row = row };

    public static DatasetEntry Rejected(IReadOnlyList<DatasetProblem> problems, long? line, long? row) =>
        new() { Kind = DatasetEntryKind.Rejected, Problems = problems, Line = line, Row = row };

    public static DatasetEntry FileProblem(DatasetProblem problem) =>
        new() { Kind = DatasetEntryKind.FileProblem, Problems = [problem], Line = problem.Line, Row = problem.Row };
}
