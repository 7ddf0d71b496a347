using System.Runtime.CompilerServices;
using System.Text;

namespace Inkstone.Training;

/// <summary>Streams a general-data JSONL file line by line; every non-blank line yields a sample or a located issue.</summary>
public static class GeneralDataReader
{
    /// <param name="path">The file to open.</param>
    /// <param name="displayName">The name recorded in samples and issues (the path as the user gave it), so that output does not depend on the machine.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async IAsyncEnumerable<GeneralDataRecord> ReadAsync(string path, string displayName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrainingDataException($"{displayName}: cannot open general data: {ex.Message}", ex);
        }

        using (reader)
        {
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                // Blank lines separate nothing in JSONL; they are not records and are not reported.
                if (string.IsNullOrWhiteSpace(line)) continue;
                yield return GeneralSampleParser.Parse(line, displayName, lineNumber);
            }
        }
    }
}
