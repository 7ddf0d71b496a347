using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// One JSON object per line. Blank lines are skipped; a broken line is a located error and reading goes on. Lines are
/// parsed as the file's UTF-8 bytes; bytes that are not valid UTF-8 are read as U+FFFD.
/// </summary>
public sealed class JsonlSourceReader : ISourceReader
{
    public async IAsyncEnumerable<SourceReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var line in Utf8LineSource.ReadAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsBlank(line.Bytes.Span)) continue;
            yield return ParseLine(new SourceLocation(path, $"line {line.Number}"), line.Bytes);
        }
    }

    /// <summary>Empty or only white space in the sense of <see cref="string.IsNullOrWhiteSpace"/>.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        while (!line.IsEmpty)
        {
            Rune.DecodeFromUtf8(line, out var rune, out var consumed);
            if (!Rune.IsWhiteSpace(rune)) return false;
            line = line[consumed..];
        }
        return true;
    }

    /// <summary>
    /// Parses the line's bytes without checking them first. Invalid UTF-8 can only make a difference where parsing fails
    /// (outside strings) or a string is decoded (which throws): only then, and only if the line is not valid UTF-8, is
    /// it parsed again with those bytes read as U+FFFD, the result a text reader would have given. The replacement
    /// never touches ASCII bytes, so the JSON structure is the same either way. A lone surrogate escape in a string of a
    /// valid line is read as U+FFFD (<see cref="ReadString"/>).
    /// </summary>
    private static SourceReadResult ParseLine(SourceLocation location, ReadOnlyMemory<byte> line)
    {
        try
        {
            var result = ParseUtf8Line(location, line);
            if (result.Error is null || Utf8.IsValid(line.Span)) return result;
        }
        catch (InvalidOperationException) when (!Utf8.IsValid(line.Span))
        {
            // A string with invalid bytes was decoded: read the line again as below.
        }
        return ParseUtf8Line(location, WithInvalidBytesReplaced(line.Span));
    }

    /// <summary>
    /// The string's value; an escape of a lone surrogate (<c>"\ud800"</c>, which JSON allows and .NET strings cannot be
    /// decoded from) is read as U+FFFD, as every text reader here reads lone surrogates.
    /// </summary>
    private static string ReadString(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException) when (Utf8.IsValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value)))
        {
            var raw = value.GetRawText();
            return Inkstone.Text.Tokenization.LoneSurrogates.Replace(System.Text.RegularExpressions.Regex.Unescape(raw[1..^1]));
        }
    }

    private static byte[] WithInvalidBytesReplaced(ReadOnlySpan<byte> line) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));

    private static SourceReadResult ParseUtf8Line(SourceLocation location, ReadOnlyMemory<byte> line)
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
            var fields = new Dictionary<string, string?>(SourceFieldMapper.CanonicalCount, StringComparer.Ordinal);
            var errors = new List<IngestError>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (SourceFieldMapper.Canonical(property.Name) is not { } name) continue;
                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String: fields[name] = ReadString(value); break;
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
