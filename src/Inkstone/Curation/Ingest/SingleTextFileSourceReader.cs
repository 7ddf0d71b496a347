using System.Runtime.CompilerServices;
using System.Text;
using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>One <c>.txt</c>/<c>.md</c> file as one text (with optional front matter, as in a folder); the id is the file name without extension.</summary>
public sealed class SingleTextFileSourceReader : ISourceReader
{
    public async IAsyncEnumerable<SourceReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var content = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        yield return TextFolderSourceReader.Parse(new SourceLocation(path, "document"), Path.GetFileNameWithoutExtension(path), content);
    }
}
