namespace Inkstone.Datasets;

/// <summary>The buffer step shared by the byte-level line readers: room for the next read without losing a partial line.</summary>
internal static class ByteLineBuffer
{
    /// <summary>
    /// Moves the unread bytes <c>[start, end)</c> to the front of <paramref name="buffer"/> and doubles it when they
    /// fill it, so that the next read appends at <paramref name="end"/>. Memory stays one buffer as large as the longest line.
    /// </summary>
    public static void MakeRoom(ref byte[] buffer, ref int start, ref int end)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
    }
}
