using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>One JSON object per line. Blank lines are skipped; a broken line is a located error and reading goes on.</summary>
public sealed class JsonlSourceReader : ISourceReader
{
    public async IAsyncEnumerable<SourceReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseLine(new SourceLocation(path, $"line {lineNumber}"), line);
        }
    }

    private static SourceReadResult ParseLine(SourceLocation location, string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return SourceReadResult.Fail(location, null, $"invalid JSON at byte {ex.BytePositionInLine}: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return SourceReadResult.Fail(location, null, $"expected a JSON object, found {document.RootElement.ValueKind}");
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            var errors = new List<IngestError>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (SourceFieldMapper.Canonical(property.Name) is not { } name) continue;
                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String: fields[name] = value.GetString(); break;
                    case JsonValueKind.Number: fields[name] = value.GetRawText(); break;
                    case JsonValueKind.Null: fields[name] = null; break;
                    default:
                        errors.Add(new IngestError(location, property.Name, $"expected a string or number, found {value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}"));
                        break;
                }
            }

            var record = SourceFieldMapper.Map(location, fields);
            return SourceReadResult.Ok(errors.Count == 0 ? record : record with { FieldErrors = [.. errors, .. record.FieldErrors] });
        }
    }
}
