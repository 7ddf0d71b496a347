namespace Inkstone.Llm.Download;

/// <summary>Bytes of the file present so far (including a resumed part) and its total size when known.</summary>
public readonly record struct DownloadProgress(long BytesDone, long? TotalBytes, bool Resumed);
