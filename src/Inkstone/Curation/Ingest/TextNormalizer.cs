using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// Normalization applied to every source text before hashing and gating (docs/curation.md):
/// Unicode NFC; line breaks to <c>\n</c>; zero-width characters, the BOM and control characters (except line
/// breaks and tabs) removed; tabs and runs of spaces inside a line collapsed to one space; leading and trailing
/// white space of each line removed (including the ideographic space U+3000 used for paragraph indentation);
/// runs of blank lines collapsed to one; the whole text trimmed.
/// </summary>
public static class TextNormalizer
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a per-document hot loop: optimized from the first call
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
        // The result is never longer than the text (every break written stands for one read), so one pooled buffer does.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        var length = 0;
        var lineStart = 0;          // index in the buffer where the current line begins
        var pendingSpace = false;   // a collapsed run of spaces, written only if more text follows on the line
        var blankLines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                c = '\n';
            }

            if (c == '\n')
            {
                pendingSpace = false;
                if (length == lineStart)
                {
                    blankLines++;
                    continue;
                }

                buffer[length++] = '\n';
                lineStart = length;
                blankLines = 0;
                continue;
            }

            if (IsRemoved(c)) continue;
            if (c == '\t' || char.IsWhiteSpace(c))
            {
                if (length > lineStart) pendingSpace = true;
                continue;
            }

            if (length == lineStart && lineStart > 0 && blankLines > 0)
            {
                // Paragraph break: the previous line already ended with '\n'; add one blank line.
                buffer[length++] = '\n';
                lineStart = length;
            }

            blankLines = 0;
            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        while (length > 0 && buffer[length - 1] == '\n') length--;
        var result = buffer.AsSpan(0, length).SequenceEqual(text) ? text : new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    // Control characters (category Cc) are exactly U+0000–U+001F and U+007F–U+009F.
    private static bool IsRemoved(char c) => c switch
    {
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => true,
        _ => (c < '\u0020' || (c >= '\u007F' && c <= '\u009F')) && c != '\t',
    };
}
