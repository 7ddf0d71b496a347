namespace Inkstone.Training;

/// <summary>A file an export wrote: path relative to the export directory (with '/'), size, SHA-256 and, for data files, the record count.</summary>
public sealed record ExportedFile(string Path, long Bytes, string Sha256, int? Records);
