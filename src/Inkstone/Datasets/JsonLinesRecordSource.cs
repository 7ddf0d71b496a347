using System.Runtime.CompilerServices;

namespace Inkstone.Datasets;

/// <summary>
/// Splits a JSON Lines stream into lines of bytes without decoding them, so that invalid UTF-8 is reported per line.
/// Memory is one buffer as large as the longest line. Blank lines are skipped (they are not records); a trailing
/// carriage return is dropped.
/// </summary>
internal static class JsonLinesRecordSource
{
    public static async IAsyncEnumerable<RecordSlice> ReadAsync(Stream stream, long firstLine, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new byte[1 << 16];
        int start = 0, end = 0, scanFrom = 0;
        var eof = false;
        var line = firstLine - 1;
        while (true)
        {
            var newline = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n');
            int lineEnd, next;
            if (newline >= 0)
            {
                lineEnd = scanFrom + newline;
                next = lineEnd + 1;
            }
            else if (eof)
            {
                if (start == end) yield break;
                lineEnd = end;
                next = end;
            }
            else
            {
                ByteLineBuffer.MakeRoom(ref buffer, ref start, ref end);
                scanFrom = end;
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0) eof = true;
                else end += read;
                continue;
            }

            line++;
            var length = lineEnd - start;
            if (length > 0 && buffer[lineEnd - 1] == (byte)'\r') length--;
            var bytes = buffer.AsMemory(start, length);
            start = scanFrom = next;
            if (!IsBlank(bytes.Span)) yield return new RecordSlice(bytes, line, null);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r"u8) < 0;
}
