using System.Globalization;

namespace Inkstone.Evaluation.Analysis;

/// <summary>
/// Type-token ratio and moving-average TTR of one token sequence. Tokens made only of whitespace, punctuation or symbols
/// are dropped before counting (so a segmenter's "，" or " " is not a word).
/// </summary>
public static class LexicalDiversityMeasures
{
    public static IReadOnlyList<string> WordTokens(IEnumerable<string> tokens) =>
        tokens.Where(t => t.Any(c => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter)).ToArray();

    /// <summary>Unique tokens ÷ tokens; NaN for no tokens.</summary>
    public static double TypeTokenRatio(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Count == 0 ? double.NaN : (double)tokens.Distinct(StringComparer.Ordinal).Count() / tokens.Count;
    }

    /// <summary>
    /// MATTR (Covington &amp; McFall 2010): the mean TTR of every window of <paramref name="window"/> consecutive tokens;
    /// a text shorter than the window gets its plain TTR.
    /// </summary>
    public static double MovingAverageTypeTokenRatio(IReadOnlyList<string> tokens, int window = 100)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (tokens.Count < window) return TypeTokenRatio(tokens);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < window; i++) counts[tokens[i]] = counts.GetValueOrDefault(tokens[i]) + 1;
        double sum = counts.Count;
        for (var i = window; i < tokens.Count; i++)
        {
            var leaving = tokens[i - window];
            if (--counts[leaving] == 0) counts.Remove(leaving);
            counts[tokens[i]] = counts.GetValueOrDefault(tokens[i]) + 1;
            sum += counts.Count;
        }
        return sum / (tokens.Count - window + 1) / window;
    }
}
