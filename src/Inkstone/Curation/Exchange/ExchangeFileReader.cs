using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Inkstone.Curation.Ingest;
using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>Reads JSONL (one object per line) or CSV (header row) exchange files as field maps with located errors; field names are lower-cased.</summary>
public static class ExchangeFileReader
{
    public static async IAsyncEnumerable<ExchangeRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            var csv = new CsvRecordReader(reader);
            var header = csv.Read(cancellationToken);
            if (header is null) yield break;
            var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
            var row = 0;
            while (csv.Read(cancellationToken) is { } record)
            {
                row++;
                var location = new SourceLocation(path, $"row {row} (line {record.StartLine})");
                if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue;
                if (record.Error is not null) yield return new ExchangeRecord(location, null, record.Error);
                else if (record.Fields.Count != names.Length) yield return new ExchangeRecord(location, null, $"{record.Fields.Count} fields, header has {names.Length}");
                else yield return new ExchangeRecord(location, names.Zip(record.Fields).ToDictionary(p => p.First, p => (string?)p.Second, StringComparer.Ordinal), null);
            }

            yield break;
        }

        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseJsonLine(new SourceLocation(path, $"line {lineNumber}"), line);
        }
    }

    private static ExchangeRecord ParseJsonLine(SourceLocation location, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new ExchangeRecord(location, null, "expected a JSON object");
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name.ToLowerInvariant()] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }

            return new ExchangeRecord(location, fields, null);
        }
        catch (JsonException ex)
        {
            return new ExchangeRecord(location, null, $"invalid JSON: {ex.Message}");
        }
    }
}
