using System.Runtime.CompilerServices;
using System.Text;
using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>One HTML page per file: main text and metadata by <see cref="HtmlMainTextExtractor"/>; the id is the file name without extension.</summary>
public sealed class HtmlSourceReader : ISourceReader
{
    public async IAsyncEnumerable<SourceReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return await ReadPageAsync(path, Path.GetFileNameWithoutExtension(path), cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<SourceReadResult> ReadPageAsync(string path, string id, CancellationToken cancellationToken)
    {
        var location = new SourceLocation(path, "document");
        string html;
        try
        {
            html = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return SourceReadResult.Fail(location, null, $"cannot read: {ex.Message}");
        }

        var page = HtmlMainTextExtractor.Extract(html);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["id"] = id, ["text"] = page.Text, ["title"] = page.Title, ["author"] = page.Author,
            ["published_at"] = page.PublishedAt, ["url"] = page.Url, ["platform"] = page.Platform,
        };
        return SourceReadResult.Ok(SourceFieldMapper.Map(location, fields));
    }
}
