using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Inkstone.Curation.Ingest;
using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>
/// Reads JSONL (one object per line) or CSV (header row) exchange files as field maps with located errors; field names
/// are lower-cased. The input policy of every reader holds (docs/cli.md): invalid UTF-8, a lone surrogate escape or a
/// duplicate key rejects the record, naming line and field; nothing is replaced silently. Extra fields are kept and
/// ignored by the importers.
/// </summary>
public static class ExchangeFileReader
{
    public static IAsyncEnumerable<ExchangeRecord> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, [], cancellationToken);

    /// <summary>
    /// Reads <paramref name="path"/>; a CSV header lacking one of <paramref name="requiredColumns"/> (any one of the
    /// names separated by '|') is an <see cref="InvalidDataException"/> naming the file and the column.
    /// </summary>
    public static async IAsyncEnumerable<ExchangeRecord> ReadAsync(
        string path, IReadOnlyList<string> requiredColumns, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requiredColumns);
        if (Directory.Exists(path)) throw new InvalidDataException($"{path}: is a folder, not a file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        var records = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsvAsync(path, requiredColumns, cancellationToken)
            : ReadJsonLinesAsync(path, cancellationToken);
        await foreach (var record in records.ConfigureAwait(false)) yield return record;
    }

    private static async IAsyncEnumerable<ExchangeRecord> ReadJsonLinesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in Utf8LineSource.ReadAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var location = new SourceLocation(path, $"line {line.Number}");
            var bytes = line.Bytes;
            if (line.Number == 1 && bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
            if (!Utf8.IsValid(bytes.Span))
            {
                yield return new ExchangeRecord(location, null, $"invalid UTF-8 at byte {FirstInvalidByte(bytes.Span) + 1}");
                continue;
            }

            var text = Encoding.UTF8.GetString(bytes.Span);
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return ParseJsonLine(location, bytes);
        }
    }

    private static async IAsyncEnumerable<ExchangeRecord> ReadCsvAsync(
        string path, IReadOnlyList<string> requiredColumns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // CSV fields may span lines: find the lines with invalid UTF-8 first, then reject the records touching them.
        var invalidLines = new SortedSet<int>();
        await foreach (var line in Utf8LineSource.ReadAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false))
            if (!Utf8.IsValid(line.Bytes.Span)) invalidLines.Add(line.Number);

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(reader);
        var header = csv.Read(cancellationToken);
        if (header is null) yield break;
        if (invalidLines.Contains(1)) throw new InvalidDataException($"{path}: line 1: the header is not valid UTF-8");
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        foreach (var required in requiredColumns)
        {
            if (!required.Split('|').Any(names.Contains))
                throw new InvalidDataException($"{path}: column '{required.Split('|')[0]}' missing (the header has: {string.Join(", ", names)})");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{path}: column '{duplicate.Key}' appears twice in the header");
        var row = 0;
        while (csv.Read(cancellationToken) is { } record)
        {
            row++;
            var location = new SourceLocation(path, $"row {row} (line {record.StartLine})");
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue;
            var lastLine = record.StartLine + record.Fields.Sum(f => f.Count(c => c == '\n'));
            var invalid = invalidLines.GetViewBetween(record.StartLine, Math.Max(record.StartLine, lastLine));
            if (invalid.Count > 0) yield return new ExchangeRecord(location, null, $"line {invalid.Min}: invalid UTF-8");
            else if (record.Error is not null) yield return new ExchangeRecord(location, null, record.Error);
            else if (record.Fields.Count != names.Length) yield return new ExchangeRecord(location, null, $"{record.Fields.Count} fields, header has {names.Length}");
            else yield return new ExchangeRecord(location, names.Zip(record.Fields).ToDictionary(p => p.First, p => (string?)p.Second, StringComparer.Ordinal), null);
        }
    }

    private static ExchangeRecord ParseJsonLine(SourceLocation location, ReadOnlyMemory<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new ExchangeRecord(location, null, "expected a JSON object");
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name.ToLowerInvariant();
                if (fields.ContainsKey(name)) return new ExchangeRecord(location, null, $"{property.Name}: duplicate key");
                if (!TryRead(property.Value, out var value))
                    return new ExchangeRecord(location, null, $"{property.Name}: lone surrogate escape (not a character)");
                fields[name] = value;
            }

            return new ExchangeRecord(location, fields, null);
        }
        catch (JsonException ex)
        {
            return new ExchangeRecord(location, null, $"invalid JSON: {ex.Message}");
        }
    }

    // A string escape of a lone surrogate ("\ud800") is valid JSON but no text: GetString throws on it.
    private static bool TryRead(JsonElement value, out string? text)
    {
        try
        {
            text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }

        return offset;
    }
}
