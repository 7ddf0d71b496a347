using System.Runtime.CompilerServices;
using System.Text;
using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// A folder of texts, read recursively in ordinal path order: <c>.txt</c> and <c>.md</c> files are one text each, with
/// optional front matter (<c>---</c> lines around <c>key: value</c> lines, keys as for JSONL); <c>.html</c>/<c>.htm</c>
/// files go through <see cref="HtmlMainTextExtractor"/>; <c>.jsonl</c>/<c>.ndjson</c> and <c>.csv</c> files are
/// files of records, read as when named on their own. The id of a text is the path relative to the folder without
/// extension, unless the front matter names one.
/// </summary>
public sealed class TextFolderSourceReader : ISourceReader
{
    private static readonly HashSet<string> s_text = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".markdown" };
    private static readonly HashSet<string> s_html = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm" };
    private static readonly HashSet<string> s_jsonl = new(StringComparer.OrdinalIgnoreCase) { ".jsonl", ".ndjson" };
    private static readonly HashSet<string> s_csv = new(StringComparer.OrdinalIgnoreCase) { ".csv" };

    public async IAsyncEnumerable<SourceReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => IsSource(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (RecordReaderFor(Path.GetExtension(file)) is { } records)
            {
                await foreach (var result in records.ReadAsync(file, cancellationToken).ConfigureAwait(false)) yield return result;
                continue;
            }

            var relative = Path.GetRelativePath(path, file);
            var id = Path.ChangeExtension(relative, null).Replace(Path.DirectorySeparatorChar, '/');
            if (s_html.Contains(Path.GetExtension(file)))
            {
                yield return await HtmlSourceReader.ReadPageAsync(file, id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            string content;
            string? failure = null;
            try
            {
                content = await File.ReadAllTextAsync(file, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                content = "";
                failure = ex.Message;
            }

            var location = new SourceLocation(file, "document");
            yield return failure is not null ? SourceReadResult.Fail(location, null, $"cannot read: {failure}") : Parse(location, id, content);
        }
    }

    private static bool IsSource(string extension) =>
        s_text.Contains(extension) || s_html.Contains(extension) || s_jsonl.Contains(extension) || s_csv.Contains(extension);

    /// <summary>Files of records in the folder are read as when named on their own.</summary>
    private static ISourceReader? RecordReaderFor(string extension) =>
        s_jsonl.Contains(extension) ? new JsonlSourceReader() : s_csv.Contains(extension) ? new CsvSourceReader() : null;

    internal static SourceReadResult Parse(SourceLocation location, string id, string content)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { ["id"] = id };
        var body = content;
        var normalized = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = normalized.IndexOf("\n---", 3, StringComparison.Ordinal);
            if (end < 0) return SourceReadResult.Fail(location, null, "front matter opened with '---' is never closed");
            foreach (var line in normalized[4..end].Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0) continue;
                if (SourceFieldMapper.Canonical(line[..colon]) is { } name && name != "text")
                    fields[name] = line[(colon + 1)..].Trim().Trim('"', '\'');
            }

            var bodyStart = normalized.IndexOf('\n', end + 4);
            body = bodyStart < 0 ? "" : normalized[(bodyStart + 1)..];
        }

        fields["text"] = body;
        return SourceReadResult.Ok(SourceFieldMapper.Map(location, fields));
    }
}
