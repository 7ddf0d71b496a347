using System.Text;

namespace Inkstone.Text.Tokenization;

/// <summary>
/// Texts from JSON may hold unpaired UTF-16 surrogates (a "\ud800" escape); string.Normalize throws on them.
/// They are read as U+FFFD, as every code-point count here does.
/// </summary>
public static class LoneSurrogates
{
    public static string Replace(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes()) builder.Append(rune.ToString());
        return builder.ToString();
    }
}
