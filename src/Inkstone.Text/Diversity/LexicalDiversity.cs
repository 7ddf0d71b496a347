namespace Inkstone.Text.Diversity;

/// <summary>
/// Lexical diversity measures over a token sequence. Tokens are compared ordinally (callers fold case first).
/// A measure is null where it is undefined. See docs/text-metrics.md for the exact definitions.
/// </summary>
public static class LexicalDiversity
{
    /// <summary>Type-token ratio: distinct tokens ÷ tokens; null for no tokens.</summary>
    public static double? Ttr(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0) return null;
        return (double)new HashSet<string>(tokens, StringComparer.Ordinal).Count / tokens.Count;
    }

    /// <summary>
    /// Moving-average TTR (Covington &amp; McFall 2010): the mean TTR of every window of <paramref name="window"/>
    /// consecutive tokens (n − w + 1 windows). A text shorter than the window gets the TTR of the whole text; null for no tokens.
    /// </summary>
    public static double? Mattr(IReadOnlyList<string> tokens, int window = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (tokens.Count == 0) return null;
        if (tokens.Count < window) return Ttr(tokens);

        // Slide the window keeping counts, so the whole text costs O(n) rather than O(n·w).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < window; i++) Increment(counts, tokens[i]);
        double sum = counts.Count;
        for (var i = window; i < tokens.Count; i++)
        {
            Increment(counts, tokens[i]);
            var leaving = tokens[i - window];
            if (--counts[leaving] == 0) counts.Remove(leaving);
            sum += counts.Count;
        }
        var windows = tokens.Count - window + 1;
        return sum / windows / window;
    }

    /// <summary>
    /// Measure of textual lexical diversity (McCarthy &amp; Jarvis 2010), bidirectional: the mean of a forward and
    /// a backward pass. Each pass reads tokens keeping the running TTR of the current segment; when it falls to
    /// <paramref name="threshold"/> or below, one factor is counted and a new segment starts. A non-empty last
    /// segment adds the partial factor (1 − TTR) ÷ (1 − threshold). A pass's value is tokens ÷ factors.
    /// Null when there are no tokens or no factor at all (every token distinct: diversity beyond what MTLD can measure).
    /// </summary>
    public static double? Mtld(IReadOnlyList<string> tokens, double threshold = 0.72)
    {
        if (threshold is <= 0 or >= 1 || double.IsNaN(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "must be between 0 and 1, exclusive");
        if (tokens.Count == 0) return null;
        var forward = MtldFactors(tokens, threshold, reverse: false);
        var backward = MtldFactors(tokens, threshold, reverse: true);
        if (forward == 0 || backward == 0) return null;
        return (tokens.Count / forward + tokens.Count / backward) / 2;
    }

    private static double MtldFactors(IReadOnlyList<string> tokens, double threshold, bool reverse)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var segmentLength = 0;
        double factors = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[reverse ? tokens.Count - 1 - k : k];
            types.Add(token);
            segmentLength++;
            if ((double)types.Count / segmentLength <= threshold)
            {
                factors++;
                types.Clear();
                segmentLength = 0;
            }
        }
        if (segmentLength > 0)
            factors += (1 - (double)types.Count / segmentLength) / (1 - threshold);
        return factors;
    }

    private static void Increment(Dictionary<string, int> counts, string token) =>
        counts[token] = counts.TryGetValue(token, out var c) ? c + 1 : 1;
}
