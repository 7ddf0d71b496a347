using System.Runtime.CompilerServices;
using System.Text.Json;
using Inkstone.Curation.Ingest;
using Inkstone.Input;
using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>
/// Reads JSONL (one object per line) or CSV (header row) exchange files as field maps with located errors; field names
/// are lower-cased. Both are read under the input policy: a record with bytes that are not valid UTF-8, a lone
/// surrogate escape, or a field named twice (also when only the letter case differs) is rejected.
/// </summary>
public static class ExchangeFileReader
{
    public static IAsyncEnumerable<ExchangeRecord> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, [], cancellationToken);

    /// <summary>
    /// Reads <paramref name="path"/>; a CSV header lacking one of <paramref name="requiredColumns"/> (any one of the
    /// names separated by '|') is an <see cref="InvalidDataException"/> naming the file and the column. Extra fields are
    /// kept and ignored by the importers.
    /// </summary>
    public static async IAsyncEnumerable<ExchangeRecord> ReadAsync(
        string path, IReadOnlyList<string> requiredColumns, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requiredColumns);
        if (Directory.Exists(path)) throw new InvalidDataException($"{path}: is a folder, not a file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            await foreach (var record in ReadCsvAsync(path, requiredColumns, cancellationToken).ConfigureAwait(false)) yield return record;
            yield break;
        }

        await foreach (var line in JsonLinesFile.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            using (line)
            {
                var location = new SourceLocation(path, $"line {line.Line}");
                yield return line.Problem is not null
                    ? new ExchangeRecord(location, null, line.Problem.Field is { } field ? $"field '{field}': {line.ProblemMessage}" : line.ProblemMessage)
                    : FromDocument(location, line.Document!);
            }
        }
    }

    private static async IAsyncEnumerable<ExchangeRecord> ReadCsvAsync(
        string path, IReadOnlyList<string> requiredColumns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new Utf8CheckedTextReader(path);
        await Task.Yield(); // the file is read synchronously through the reader's buffer; do not hold the caller's thread
        var csv = new CsvRecordReader(reader);
        var header = csv.Read(cancellationToken);
        if (header is null) yield break;
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        var headerProblem = reader.DescribeInvalid(header.StartLine, header.EndLine)
            ?? (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated
                ? $"the header names the column '{repeated.Key}' twice" : null);
        if (headerProblem is not null)
        {
            yield return new ExchangeRecord(new SourceLocation(path, "line 1"), null, "header: " + headerProblem);
            yield break;
        }

        foreach (var required in requiredColumns)
        {
            if (!required.Split('|').Any(names.Contains))
                throw new InvalidDataException($"{path}: column '{required.Split('|')[0]}' missing (the header has: {string.Join(", ", names)})");
        }

        var row = 0;
        while (csv.Read(cancellationToken) is { } record)
        {
            row++;
            var location = new SourceLocation(path, $"row {row} (line {record.StartLine})");
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue;
            if (record.Error is not null) yield return new ExchangeRecord(location, null, record.Error);
            else if (reader.DescribeInvalid(record.StartLine, record.EndLine) is { } invalid) yield return new ExchangeRecord(location, null, invalid);
            else if (record.Fields.Count != names.Length) yield return new ExchangeRecord(location, null, $"{record.Fields.Count} fields, header has {names.Length}");
            else yield return new ExchangeRecord(location, names.Zip(record.Fields).ToDictionary(p => p.First, p => (string?)p.Second, StringComparer.Ordinal), null);
        }
    }

    private static ExchangeRecord FromDocument(SourceLocation location, JsonDocument document)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Object) return new ExchangeRecord(location, null, "expected a JSON object");
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var name = property.Name.ToLowerInvariant();
            if (fields.ContainsKey(name))
                return new ExchangeRecord(location, null, $"field '{name}': named twice in one record (field names ignore letter case)");
            fields[name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        return new ExchangeRecord(location, fields, null);
    }
}
