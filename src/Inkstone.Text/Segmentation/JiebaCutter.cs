using System.Runtime.CompilerServices;

namespace Inkstone.Text.Segmentation;

/// <summary>
/// Python jieba 0.42.1's <c>Tokenizer.cut</c> (precise modes) and <c>cut_for_search</c>, step for step: the same
/// block split, the same route arithmetic in doubles in the same order, the same tie-breaking. Tokens are written as
/// ranges of the input so that a caller can count or compare them without allocating strings.
/// </summary>
internal static partial class JiebaCutter
{
    [ThreadStatic] private static double[]? t_routeProbability;
    [ThreadStatic] private static int[]? t_routeEnd;

    /// <summary><c>jieba.cut(text, HMM=hmm is not null)</c>.</summary>
    public static void CutPrecise(JiebaDictionary dictionary, JiebaHmmModel? hmm, ReadOnlySpan<char> text, List<TokenRange> tokens)
    {
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (JiebaCharacterClasses.IsHanBlock(c))
            {
                var end = i + 1;
                while (end < n && JiebaCharacterClasses.IsHanBlock(text[end])) end++;
                if (hmm is null) CutBlockNoHmm(dictionary, text, i, end, tokens);
                else CutBlockHmm(dictionary, hmm, text, i, end, tokens);
                i = end;
            }
            else
            {
                // Outside re_han_default blocks every code point is a token, except that "\r\n" stays one token.
                var length = (c == '\r' && i + 1 < n && text[i + 1] == '\n')
                    || (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1])) ? 2 : 1;
                tokens.Add(new TokenRange(i, length));
                i += length;
            }
        }
    }

    /// <summary><c>jieba.cut_for_search(text, HMM=hmm is not null)</c>.</summary>
    public static void CutForSearch(JiebaDictionary dictionary, JiebaHmmModel? hmm, ReadOnlySpan<char> text, List<TokenRange> tokens)
    {
        var first = tokens.Count;
        CutPrecise(dictionary, hmm, text, tokens);
        var last = tokens.Count;
        var trie = dictionary.Trie;
        for (var t = first; t < last; t++)
        {
            var word = tokens[t];
            // Only tokens from re_han_default blocks are longer than two units, and those are all in the BMP,
            // so UTF-16 offsets are code-point offsets here, as Python's len() and slices count.
            if (word.Length > 2)
                for (var i = 0; i < word.Length - 1; i++)
                    if (IsWord(trie, text.Slice(word.Start + i, 2))) tokens.Add(new TokenRange(word.Start + i, 2));
            if (word.Length > 3)
                for (var i = 0; i < word.Length - 2; i++)
                    if (IsWord(trie, text.Slice(word.Start + i, 3))) tokens.Add(new TokenRange(word.Start + i, 3));
            tokens.Add(word);
        }
        tokens.RemoveRange(first, last - first);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWord(PrefixTrie trie, ReadOnlySpan<char> word)
    {
        var node = trie.Find(word);
        return node != 0 && trie.Frequency(node) != 0;
    }

    /// <summary>
    /// jieba's <c>calc</c> over the implicit DAG: <c>route[idx] = max((log(FREQ[w] or 1) - logtotal + route[x+1][0], x))</c>,
    /// the DAG edges found by walking the prefix table from each position.
    /// </summary>
    private static void CalculateRoute(JiebaDictionary dictionary, ReadOnlySpan<char> block, Span<double> probability, Span<int> routeEnd)
    {
        var trie = dictionary.Trie;
        var logTotal = dictionary.LogTotal;
        var n = block.Length;
        probability[n] = 0;
        for (var idx = n - 1; idx >= 0; idx--)
        {
            var best = 0.0;
            var bestEnd = -1;
            var node = trie.Child(0, block[idx]);
            var i = idx;
            while (node != 0)
            {
                if (trie.Frequency(node) != 0)
                {
                    var candidate = trie.LogFrequency(node) - logTotal + probability[i + 1];
                    // Python compares (probability, end) tuples: on equal probability the later end wins.
                    if (bestEnd < 0 || candidate >= best)
                    {
                        best = candidate;
                        bestEnd = i;
                    }
                }
                if (++i >= n) break;
                node = trie.Child(node, block[i]);
            }
            if (bestEnd < 0)
            {
                // DAG[idx] = [idx] and FREQ.get(char) is 0 or missing, so jieba takes log(1) = 0.
                best = 0.0 - logTotal + probability[idx + 1];
                bestEnd = idx;
            }
            probability[idx] = best;
            routeEnd[idx] = bestEnd;
        }
    }

    private static void Route(JiebaDictionary dictionary, ReadOnlySpan<char> block, out int[] routeEnd)
    {
        var n = block.Length;
        var probability = t_routeProbability;
        if (probability is null || probability.Length < n + 1) t_routeProbability = probability = new double[Math.Max(n + 1, 256) * 2];
        routeEnd = t_routeEnd!;
        if (routeEnd is null || routeEnd.Length < n) t_routeEnd = routeEnd = new int[Math.Max(n, 256) * 2];
        CalculateRoute(dictionary, block, probability, routeEnd);
    }

    /// <summary><c>__cut_DAG_NO_HMM</c>: route words; consecutive single ASCII letters or digits are joined.</summary>
    private static void CutBlockNoHmm(JiebaDictionary dictionary, ReadOnlySpan<char> text, int start, int end, List<TokenRange> tokens)
    {
        var block = text[start..end];
        Route(dictionary, block, out var routeEnd);
        var n = block.Length;
        var bufferStart = -1;
        var x = 0;
        while (x < n)
        {
            var y = routeEnd[x] + 1;
            if (y - x == 1 && JiebaCharacterClasses.IsAsciiLetterOrDigit(block[x]))
            {
                if (bufferStart < 0) bufferStart = x;
            }
            else
            {
                if (bufferStart >= 0)
                {
                    tokens.Add(new TokenRange(start + bufferStart, x - bufferStart));
                    bufferStart = -1;
                }
                tokens.Add(new TokenRange(start + x, y - x));
            }
            x = y;
        }
        if (bufferStart >= 0) tokens.Add(new TokenRange(start + bufferStart, n - bufferStart));
    }

    /// <summary>
    /// <c>__cut_DAG</c>: route words; runs of single-character steps go to the HMM unless the run is itself a
    /// dictionary word (then its characters are tokens) or a single character.
    /// </summary>
    private static void CutBlockHmm(JiebaDictionary dictionary, JiebaHmmModel hmm, ReadOnlySpan<char> text, int start, int end, List<TokenRange> tokens)
    {
        var block = text[start..end];
        Route(dictionary, block, out var routeEnd);
        var n = block.Length;
        var bufferStart = -1;
        var x = 0;
        while (x < n)
        {
            var y = routeEnd[x] + 1;
            if (y - x == 1)
            {
                if (bufferStart < 0) bufferStart = x;
            }
            else
            {
                if (bufferStart >= 0)
                {
                    FlushSingles(dictionary, hmm, text, start + bufferStart, start + x, tokens);
                    bufferStart = -1;
                }
                tokens.Add(new TokenRange(start + x, y - x));
            }
            x = y;
        }
        if (bufferStart >= 0) FlushSingles(dictionary, hmm, text, start + bufferStart, start + n, tokens);
    }

    private static void FlushSingles(JiebaDictionary dictionary, JiebaHmmModel hmm, ReadOnlySpan<char> text, int start, int end, List<TokenRange> tokens)
    {
        if (end - start == 1)
        {
            tokens.Add(new TokenRange(start, 1));
            return;
        }
        var node = dictionary.Trie.Find(text[start..end]);
        if (node == 0 || dictionary.Trie.Frequency(node) == 0)
        {
            CutUnknown(dictionary, hmm, text, start, end, tokens);
            return;
        }
        for (var i = start; i < end; i++) tokens.Add(new TokenRange(i, 1));
    }
}
