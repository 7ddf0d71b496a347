namespace Inkstone.Datasets;

/// <summary>
/// The bytes of one record as a source split them (valid until the source moves on), where the record starts,
/// or a file-level problem found by the source.
/// </summary>
internal readonly record struct RecordSlice(ReadOnlyMemory<byte> Bytes, long? Line, long? Row, bool Unterminated = false, DatasetProblem? FileProblem = null);
