using System.Runtime.CompilerServices;

namespace Inkstone.Text.Segmentation;

/// <summary>
/// The character classes of Python jieba's block-splitting regular expressions, evaluated as Python's <c>re</c>
/// evaluates them on <c>str</c> (code points, no case folding).
/// </summary>
internal static class JiebaCharacterClasses
{
    /// <summary><c>re_han_default</c> of <c>jieba/__init__.py</c>: <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%\-]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHanBlock(char c) =>
        (uint)(c - 0x4E00) <= 0x9FD5 - 0x4E00 || (c < 128 && IsAsciiHanBlock(c));

    /// <summary><c>re_han</c> of <c>jieba/finalseg</c>: <c>[\u4E00-\u9FD5]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHmmHan(char c) => (uint)(c - 0x4E00) <= 0x9FD5 - 0x4E00;

    /// <summary><c>[a-zA-Z0-9]</c> (jieba's <c>re_eng</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>
    /// Python's <c>\s</c> on <c>str</c>, i.e. <c>str.isspace()</c> (bidirectional class WS, B or S, or category Zs).
    /// It differs from <see cref="char.IsWhiteSpace(char)"/>: it includes U+001C–U+001F. All are in the BMP.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPythonWhitespace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' => true,
        >= '\u2000' and <= '\u200A' => true,
        '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    private static bool IsAsciiHanBlock(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-';
}
