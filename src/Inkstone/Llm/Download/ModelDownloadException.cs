namespace Inkstone.Llm.Download;

/// <summary>A download that cannot complete: unreachable hub, unknown file, or a checksum that does not match.</summary>
public sealed class ModelDownloadException : Exception
{
    public ModelDownloadException(string message) : base(message) { }
    public ModelDownloadException(string message, Exception inner) : base(message, inner) { }
    public ModelDownloadException() { }
}
