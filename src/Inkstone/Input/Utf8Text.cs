using System.Text;

namespace Inkstone.Input;

/// <summary>Small checks on UTF-8 bytes shared by the line readers.</summary>
public static class Utf8Text
{
    /// <summary>Empty or only white space in the sense of <see cref="string.IsNullOrWhiteSpace"/> (invalid bytes are not white space).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        while (!line.IsEmpty)
        {
            Rune.DecodeFromUtf8(line, out var rune, out var consumed);
            if (!Rune.IsWhiteSpace(rune)) return false;
            line = line[consumed..];
        }
        return true;
    }
}
