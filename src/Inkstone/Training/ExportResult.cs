namespace Inkstone.Training;

/// <summary>What an export wrote.</summary>
public sealed record ExportResult(string OutputDirectory, ExportDataFormat Format, IReadOnlyList<ExportedFile> Files);
