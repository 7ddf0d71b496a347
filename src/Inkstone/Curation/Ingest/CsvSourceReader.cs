using System.Runtime.CompilerServices;
using Inkstone.Input;
using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// RFC 4180 CSV with a header row (field names as for JSONL). Quoted fields may span lines; a record whose field count
/// differs from the header's, an unterminated quote, or bytes that are not valid UTF-8 (the input policy), is a located
/// error and reading goes on with the next record.
/// </summary>
public sealed class CsvSourceReader : ISourceReader
{
    public async IAsyncEnumerable<SourceReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new Utf8CheckedTextReader(path);
        var csv = new CsvRecordReader(reader);
        await Task.Yield(); // the file is read synchronously through the reader's buffer; do not hold the caller's thread
        var header = csv.Read(cancellationToken);
        if (header is null)
        {
            yield return SourceReadResult.Fail(new SourceLocation(path, "line 1"), null, "empty file: no header row");
            yield break;
        }

        if (reader.DescribeInvalid(header.StartLine, header.EndLine) is { } invalidHeader)
        {
            yield return SourceReadResult.Fail(new SourceLocation(path, "line 1"), null, "header: " + invalidHeader);
            yield break;
        }

        var columns = header.Fields.Select(f => SourceFieldMapper.Canonical(f)).ToArray();
        if (!columns.Contains("text"))
        {
            yield return SourceReadResult.Fail(new SourceLocation(path, "line 1"), "text", "header has no text column (text, content or body)");
            yield break;
        }

        var rowNumber = 0;
        while (csv.Read(cancellationToken) is { } row)
        {
            rowNumber++;
            var location = new SourceLocation(path, $"row {rowNumber} (line {row.StartLine})");
            if (row.Error is not null)
            {
                yield return SourceReadResult.Fail(location, null, row.Error);
                continue;
            }

            if (reader.DescribeInvalid(row.StartLine, row.EndLine) is { } invalid)
            {
                yield return SourceReadResult.Fail(location, null, invalid);
                continue;
            }

            if (row.Fields.Count == 1 && row.Fields[0].Length == 0) continue; // blank line
            if (row.Fields.Count != columns.Length)
            {
                yield return SourceReadResult.Fail(location, null, $"{row.Fields.Count} fields, header has {columns.Length}");
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
                if (columns[i] is { } name) fields[name] = row.Fields[i];
            yield return SourceReadResult.Ok(SourceFieldMapper.Map(location, fields));
        }
    }
}
