using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Inkstone.Cli.Conventions;

namespace Inkstone.Cli.TextInput;

/// <summary>
/// Reads the lines of a UTF-8 input without replacing anything: a line whose bytes are not valid UTF-8 comes back
/// without text (the caller rejects that record, naming the line) instead of with U+FFFD in it (docs/cli.md, "Reading
/// input"). Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as <see cref="StreamReader.ReadLine()"/> splits them, so
/// line numbers agree with any other reader of the same file. A UTF-8 byte order mark is skipped; a UTF-16 or UTF-32 one,
/// or NUL bytes in the first block (<see cref="Inkstone.Input.TextFileHead"/>), mean the input is not UTF-8 text at all: an input error naming it.
/// </summary>
public static class Utf8LineReader
{
    private const int BlockSize = 1 << 16;
    private static readonly SearchValues<byte> s_breaks = SearchValues.Create("\r\n"u8);

    public static async IAsyncEnumerable<Utf8TextLine> ReadAsync(Stream stream, string name,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var line in ReadRawAsync(stream, name, cancellationToken).ConfigureAwait(false))
            yield return Decode(line.Bytes.Span[..line.ContentLength], line.Number);
    }

    /// <summary>Each line's bytes with its line break (valid until the next line is read), for byte-exact copies.</summary>
    public static async IAsyncEnumerable<RawLine> ReadRawAsync(Stream stream, string name,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[BlockSize];
        int start = 0, end = 0, number = 0;
        bool eof = false, first = true;
        while (true)
        {
            var at = buffer.AsSpan(start, end - start).IndexOfAny(s_breaks);
            // A '\r' at the end of what was read may be the first half of "\r\n": read on before deciding.
            if (!first && at >= 0 && (eof || start + at + 1 < end || buffer[start + at] == (byte)'\n'))
            {
                var breakLength = buffer[start + at] == (byte)'\r' && start + at + 1 < end && buffer[start + at + 1] == (byte)'\n' ? 2 : 1;
                yield return new RawLine(++number, buffer.AsMemory(start, at + breakLength), at);
                start += at + breakLength;
                continue;
            }
            if (eof && !first)
            {
                if (start < end) yield return new RawLine(++number, buffer.AsMemory(start, end - start), end - start);
                yield break;
            }
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                (end, start) = (end - start, 0);
            }
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            eof = read == 0;
            end += read;
            // The head is checked once at least four bytes (or the whole input) are there, before any line is given out.
            if (first && (end >= 4 || eof))
            {
                start = CheckHead(buffer.AsSpan(0, end), name);
                first = false;
            }
        }
    }

    private static Utf8TextLine Decode(ReadOnlySpan<byte> bytes, int number)
    {
        if (Utf8.IsValid(bytes)) return new Utf8TextLine(number, Encoding.UTF8.GetString(bytes));
        var valid = 0;
        while (valid < bytes.Length && Rune.DecodeFromUtf8(bytes[valid..], out _, out var consumed) == OperationStatus.Done) valid += consumed;
        return new Utf8TextLine(number, null, valid);
    }

    /// <summary>The length of a UTF-8 byte order mark to skip; an input error when the head says it is not UTF-8 text.</summary>
    private static int CheckHead(ReadOnlySpan<byte> head, string name)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return 3;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            throw new CliInputException($"{name}: UTF-16 or UTF-32 text; convert it to UTF-8");
        if (Inkstone.Input.TextFileHead.Describe(head) is { } why)
            throw new CliInputException($"{name}: {why}; expected UTF-8 text or JSON Lines");
        return 0;
    }
}
