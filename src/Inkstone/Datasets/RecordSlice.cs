namespace Inkstone.Datasets;

/// <summary>
/// The bytes of one record as a source split them (valid until the source moves on), where the record starts,
/// or a file-level problem found by the source. <see cref="ColumnOffset"/> is the number of bytes before the record on
/// its first line, so that byte offsets within the record become byte offsets within the file's line.
/// </summary>
internal readonly record struct RecordSlice(ReadOnlyMemory<byte> Bytes, long? Line, long? Row, bool Unterminated = false, DatasetProblem? FileProblem = null, int ColumnOffset = 0);
