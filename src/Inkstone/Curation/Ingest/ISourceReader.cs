namespace Inkstone.Curation.Ingest;

/// <summary>Streams the records of one source file or folder.</summary>
public interface ISourceReader
{
    IAsyncEnumerable<SourceReadResult> ReadAsync(string path, CancellationToken cancellationToken = default);
}
