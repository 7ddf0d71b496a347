using System.Globalization;
using System.Text;

namespace Inkstone.Datasets;

/// <summary>
/// One problem found while reading a dataset, located by file and line (JSON, JSONL) or row (Parquet), and by field.
/// Line, row and byte offsets are 1-based.
/// </summary>
public sealed record DatasetProblem
{
    public required string File { get; init; }

    /// <summary>Line where the record (or, for invalid UTF-8 and JSON syntax errors, the offending byte) is.</summary>
    public long? Line { get; init; }

    /// <summary>Row of a Parquet file, counted over all row groups.</summary>
    public long? Row { get; init; }

    /// <summary>Byte offset within <see cref="Line"/>, where it is known (invalid UTF-8, JSON syntax errors).</summary>
    public long? ByteInLine { get; init; }

    /// <summary>Id of the record, when it could be read.</summary>
    public string? RecordId { get; init; }

    /// <summary>Field as spelled in the record (for example <c>metadata.genre</c>); null for record- or file-level problems.</summary>
    public string? Field { get; init; }

    public required DatasetProblemKind Kind { get; init; }

    public DatasetProblemSeverity Severity { get; init; } = DatasetProblemSeverity.Error;

    public required string Message { get; init; }

    /// <summary>The record's text as read (invalid UTF-8 replaced by U+FFFD); null for file-level problems.</summary>
    public string? RawRecord { get; init; }

    /// <summary>"file:line 3" or "file:row 7" (with the byte offset where known).</summary>
    public string Location
    {
        get
        {
            var sb = new StringBuilder(File);
            if (Line is { } line) sb.Append(CultureInfo.InvariantCulture, $":line {line}");
            if (ByteInLine is { } b) sb.Append(CultureInfo.InvariantCulture, $" byte {b}");
            if (Row is { } row) sb.Append(CultureInfo.InvariantCulture, $":row {row}");
            return sb.ToString();
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder(Location).Append(": ");
        if (Severity == DatasetProblemSeverity.Warning) sb.Append("warning: ");
        if (RecordId is not null) sb.Append("record '").Append(RecordId).Append("': ");
        if (Field is not null) sb.Append("field '").Append(Field).Append("': ");
        return sb.Append(Message).ToString();
    }
}
