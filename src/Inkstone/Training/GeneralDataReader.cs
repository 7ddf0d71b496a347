using System.Runtime.CompilerServices;
using Inkstone.Input;

namespace Inkstone.Training;

/// <summary>Streams a general-data JSONL file line by line; every non-blank line yields a sample or a located issue.</summary>
public static class GeneralDataReader
{
    /// <param name="path">The file to open.</param>
    /// <param name="displayName">The name recorded in samples and issues (the path as the user gave it), so that output does not depend on the machine.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async IAsyncEnumerable<GeneralDataRecord> ReadAsync(string path, string displayName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lines = Utf8LineSource.ReadAsync(path, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool more;
        try
        {
            more = await lines.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrainingDataException($"{displayName}: cannot open general data: {ex.Message}", ex);
        }

        // The bytes of each line are parsed under the input policy (invalid UTF-8, lone surrogates, duplicate keys
        // reject the line), as every other reader does, so general data is never trained on with U+FFFD in it.
        await using (lines.ConfigureAwait(false))
        {
            while (more)
            {
                var line = lines.Current;
                // Blank lines separate nothing in JSONL; they are not records and are not reported.
                if (!Utf8Text.IsBlank(line.Bytes.Span)) yield return GeneralSampleParser.Parse(line.Bytes, displayName, line.Number);
                more = await lines.MoveNextAsync().ConfigureAwait(false);
            }
        }
    }
}
