using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Inkstone.Datasets;

namespace Inkstone.Input;

/// <summary>One physical line of a text file as UTF-8 bytes (valid until the source moves on) and its 1-based number.</summary>
internal readonly record struct Utf8Line(ReadOnlyMemory<byte> Bytes, int Number);

/// <summary>
/// Splits a text file into its physical lines as UTF-8 bytes without decoding them, with the rules of
/// <see cref="StreamReader.ReadLine()"/>: a line ends at <c>\n</c>, <c>\r</c> or <c>\r\n</c>; a last line without a
/// break is a line; blank lines are lines. The file's byte order mark is honoured like <see cref="StreamReader"/>
/// does: a UTF-8 one is skipped, a UTF-16 or UTF-32 one makes the file be transcoded to UTF-8 (invalid sequences
/// become U+FFFD). Bytes are not validated here. Memory is one buffer as large as the longest line.
/// </summary>
internal static class Utf8LineSource
{
    private static readonly SearchValues<byte> s_lineBreaks = SearchValues.Create("\r\n"u8);

    public static async IAsyncEnumerable<Utf8Line> ReadAsync(string path, int bufferSize = 1 << 16, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = OpenAsUtf8(path);
        var buffer = new byte[bufferSize];
        int start = 0, end = 0, scanFrom = 0, number = 0;
        var eof = false;
        var afterCarriageReturn = false;
        while (true)
        {
            if (afterCarriageReturn && start < end)
            {
                // "\r\n" is one break; the '\n' may only arrive with the next read.
                if (buffer[start] == (byte)'\n') scanFrom = ++start;
                afterCarriageReturn = false;
            }

            var found = buffer.AsSpan(scanFrom, end - scanFrom).IndexOfAny(s_lineBreaks);
            int lineEnd, next;
            if (found >= 0)
            {
                lineEnd = scanFrom + found;
                next = lineEnd + 1;
                afterCarriageReturn = buffer[lineEnd] == (byte)'\r';
            }
            else if (eof)
            {
                if (start == end) yield break;
                lineEnd = next = end;
            }
            else
            {
                ByteLineBuffer.MakeRoom(ref buffer, ref start, ref end);
                scanFrom = end;
                // A synchronous read: on a local file it takes microseconds, while ReadAsync on a file handle hands every
                // read to the thread pool (two thread switches per 64 KiB, a tenth of ingest time on one core).
                cancellationToken.ThrowIfCancellationRequested();
                var read = stream.Read(buffer.AsSpan(end));
                if (read == 0) eof = true;
                else end += read;
                continue;
            }

            var line = new Utf8Line(buffer.AsMemory(start, lineEnd - start), ++number);
            start = scanFrom = next;
            yield return line;
        }
    }

    /// <summary>Opens <paramref name="path"/> positioned after its byte order mark, as UTF-8.</summary>
    internal static Stream OpenAsUtf8(string path)
    {
        // An image or an archive named as a record file is one input error, not thousands of rejected "lines".
        TextFileHead.EnsureText(path, "UTF-8 text (JSON Lines or CSV)");
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            Span<byte> head = stackalloc byte[4];
            var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var (encoding, bomLength) = DetectByteOrderMark(head[..length]);
            file.Position = bomLength;
            return encoding is null ? file : Encoding.CreateTranscodingStream(file, encoding, Encoding.UTF8, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The byte order marks <see cref="StreamReader"/> detects; a null encoding means the bytes are UTF-8.</summary>
    private static (Encoding? Encoding, int Length) DetectByteOrderMark(ReadOnlySpan<byte> head) => head switch
    {
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xEF, 0xBB, 0xBF, ..] => (null, 3),
        [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
        _ => (null, 0),
    };
}
