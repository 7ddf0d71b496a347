namespace Inkstone.Curation.Ingest;

/// <summary>Chooses the reader for a path: folders, <c>.jsonl</c>, <c>.csv</c>, <c>.html</c>/<c>.htm</c>, <c>.txt</c>/<c>.md</c>.</summary>
public static class SourceReaders
{
    public static ISourceReader For(string path)
    {
        if (Directory.Exists(path)) return new TextFolderSourceReader();
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file or folder", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => new JsonlSourceReader(),
            ".csv" => new CsvSourceReader(),
            ".html" or ".htm" => new HtmlSourceReader(),
            ".txt" or ".md" or ".markdown" => new SingleTextFileSourceReader(),
            var other => throw new NotSupportedException($"{path}: unsupported source format '{other}' (use .jsonl, .csv, .html, .txt, .md or a folder)"),
        };
    }
}
