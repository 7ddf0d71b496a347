namespace Inkstone.Llm.Download;

/// <summary>A finished, verified download.</summary>
public sealed record DownloadResult(string Path, long Bytes, string Sha256, bool Resumed, bool AlreadyPresent);
