using System.Runtime.CompilerServices;

namespace Inkstone.Input;

/// <summary>
/// Reads a JSON Lines file under the input policy: lines are split as <see cref="StreamReader.ReadLine()"/> splits
/// them (so line numbers are the same as a text reader's), blank lines are skipped, and every other line comes out
/// once, parsed or rejected (<see cref="JsonRecordParser"/>).
/// </summary>
public static class JsonLinesFile
{
    public static async IAsyncEnumerable<JsonLineRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var line in Utf8LineSource.ReadAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Utf8Text.IsBlank(line.Bytes.Span)) continue;
            var parsed = JsonRecordParser.Parse(line.Bytes);
            yield return new JsonLineRecord(line.Number, parsed.Document, parsed.Problem);
        }
    }
}
