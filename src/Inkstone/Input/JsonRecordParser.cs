using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Inkstone.Input;

/// <summary>
/// The one JSON reading policy every record reader calls (docs/cli.md, "Reading input"): a record whose bytes are
/// not valid UTF-8, that escapes a lone surrogate (<c>"\ud800"</c>) or that names a key twice in one object is
/// rejected with a located <see cref="JsonInputProblem"/>, never read with U+FFFD in its place and never a crash later
/// when a string is decoded. The checks on a good record are one vectorised UTF-8 validation, one search for a
/// backslash (escapes are rare in real text) and the parser's own duplicate-key check; locating the field runs only
/// for a rejected record.
/// </summary>
public static partial class JsonRecordParser
{
    public const int DefaultMaxDepth = 64;

    /// <summary>Parses one record under the policy.</summary>
    public static JsonRecordParseResult Parse(ReadOnlyMemory<byte> record, int maxDepth = DefaultMaxDepth)
    {
        if (Check(record.Span) is { } problem) return new JsonRecordParseResult(null, problem);
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false };
            return new JsonRecordParseResult(JsonDocument.Parse(record, options), null);
        }
        catch (JsonException ex)
        {
            if (FindDuplicateKey(record.Span, maxDepth) is { } duplicate) return new JsonRecordParseResult(null, duplicate);
            var offset = (int)Math.Min(ex.BytePositionInLine ?? 0, record.Length);
            return new JsonRecordParseResult(null, new JsonInputProblem(
                JsonInputProblemKind.MalformedJson, null, "malformed JSON: " + CleanJsonMessage(ex.Message), offset));
        }
    }

    /// <summary>Parses one record given as text (a test or a string already in memory).</summary>
    public static JsonRecordParseResult Parse(string record, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Parse(Encoding.UTF8.GetBytes(record), maxDepth);
    }

    /// <summary>
    /// The encoding checks alone (invalid UTF-8, lone surrogate escapes), for bytes that are parsed elsewhere or are
    /// an element of a document already parsed; null when they pass.
    /// </summary>
    public static JsonInputProblem? Check(ReadOnlySpan<byte> record)
    {
        if (!Utf8.IsValid(record))
        {
            var offset = FindInvalidUtf8(record);
            return new JsonInputProblem(JsonInputProblemKind.InvalidUtf8, FieldAt(record, offset),
                string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 (byte 0x{record[offset]:X2})"), offset);
        }
        var lone = FindLoneSurrogateEscape(record);
        if (lone >= 0)
        {
            var escape = Encoding.ASCII.GetString(record.Slice(lone, 6));
            return new JsonInputProblem(JsonInputProblemKind.LoneSurrogate, FieldAt(record, lone),
                $"lone surrogate escape '{escape}' (half of a UTF-16 pair, not a Unicode character)", lone);
        }
        return null;
    }

    /// <summary>0-based offset of the first byte that does not start a valid UTF-8 sequence; -1 when all are valid.</summary>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done) return i;
            i += consumed;
        }
        return -1;
    }

    /// <summary>
    /// 0-based offset of the first <c>\uXXXX</c> escape of a surrogate that is not half of an escaped pair (a high
    /// surrogate followed by an escaped low one); -1 when there is none. Escaped backslashes are skipped as pairs.
    /// </summary>
    public static int FindLoneSurrogateEscape(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (true)
        {
            var next = bytes[i..].IndexOf((byte)'\\');
            if (next < 0) return -1;
            i += next;
            if (i + 1 >= bytes.Length) return -1;
            if (bytes[i + 1] != (byte)'u' || !TryHex4(bytes, i + 2, out var unit))
            {
                i += 2;
                continue;
            }
            if (unit is >= 0xDC00 and <= 0xDFFF) return i;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 7 < bytes.Length && bytes[i + 6] == (byte)'\\' && bytes[i + 7] == (byte)'u'
                    && TryHex4(bytes, i + 8, out var low) && low is >= 0xDC00 and <= 0xDFFF)
                {
                    i += 12;
                    continue;
                }
                return i;
            }
            i += 6;
        }
    }

    private static bool TryHex4(ReadOnlySpan<byte> bytes, int start, out int value)
    {
        value = 0;
        if (start + 4 > bytes.Length) return false;
        foreach (var b in bytes.Slice(start, 4))
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        return true;
    }
}
