namespace Inkstone.Input;

/// <summary>
/// Tells a text file from one that is not text at all (an image, an archive, a database) before its lines are read as
/// records: such a file is one input error naming it, not a file of rejected records. The rule: NUL bytes in at least
/// two places of the first <see cref="HeadBytes"/> bytes, unless it starts with a UTF-16 or UTF-32 byte order mark (text
/// never holds them; one stray NUL is a damaged record, and is rejected as such).
/// </summary>
public static class TextFileHead
{
    public const int HeadBytes = 8000;

    /// <summary>Throws <see cref="InvalidDataException"/> naming <paramref name="path"/> when it is not a text file.</summary>
    public static void EnsureText(string path, string expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> head = stackalloc byte[HeadBytes];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None))
            read = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        if (Describe(head[..read]) is { } why) throw new InvalidDataException($"{path}: {why}; expected {expected}");
    }

    /// <summary>Why <paramref name="head"/> is not the start of a text file, or null when it may be.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        // UTF-16 and UTF-32 text hold NULs in most characters: they start with a byte order mark, which readers transcode
        // (or reject) themselves.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) return null;
        var first = head.IndexOf((byte)0);
        return first >= 0 && head[(first + 1)..].Contains((byte)0) ? "not a text file (it holds NUL bytes)" : null;
    }
}
