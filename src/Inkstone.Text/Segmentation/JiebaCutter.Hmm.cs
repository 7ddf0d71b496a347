using static Inkstone.Text.Segmentation.JiebaHmmModel;

namespace Inkstone.Text.Segmentation;

internal static partial class JiebaCutter
{
    [ThreadStatic] private static byte[]? t_backPointers;

    /// <summary>
    /// <c>finalseg.cut</c>: runs of U+4E00–U+9FD5 go through the Viterbi decoder; the other characters are split by
    /// <c>([a-zA-Z0-9]+(?:\.\d+)?%?)</c> into matches and the gaps between them.
    /// </summary>
    private static void CutUnknown(JiebaDictionary dictionary, JiebaHmmModel hmm, ReadOnlySpan<char> text, int start, int end, List<TokenRange> tokens)
    {
        var i = start;
        while (i < end)
        {
            var j = i + 1;
            if (JiebaCharacterClasses.IsHmmHan(text[i]))
            {
                while (j < end && JiebaCharacterClasses.IsHmmHan(text[j])) j++;
                CutViterbi(dictionary, hmm, text, i, j, tokens);
            }
            else
            {
                while (j < end && !JiebaCharacterClasses.IsHmmHan(text[j])) j++;
                SplitAlphanumeric(text, i, j, tokens);
            }
            i = j;
        }
    }

    /// <summary><c>re_skip.split</c> with empty pieces dropped. Inside a jieba block the text here is ASCII, so <c>\d</c> is [0-9].</summary>
    private static void SplitAlphanumeric(ReadOnlySpan<char> text, int start, int end, List<TokenRange> tokens)
    {
        var gapStart = start;
        var p = start;
        while (p < end)
        {
            if (!char.IsAsciiLetterOrDigit(text[p]))
            {
                p++;
                continue;
            }
            if (gapStart < p) tokens.Add(new TokenRange(gapStart, p - gapStart));
            var q = p + 1;
            while (q < end && char.IsAsciiLetterOrDigit(text[q])) q++;
            if (q + 1 < end && text[q] == '.' && char.IsAsciiDigit(text[q + 1]))
            {
                q += 2;
                while (q < end && char.IsAsciiDigit(text[q])) q++;
            }
            if (q < end && text[q] == '%') q++;
            tokens.Add(new TokenRange(p, q - p));
            gapStart = p = q;
        }
        if (gapStart < end) tokens.Add(new TokenRange(gapStart, end - gapStart));
    }

    /// <summary>
    /// <c>finalseg.viterbi</c> and <c>__cut</c>. Each step takes <c>max((V[t-1][y0] + trans[y0][y] + emit[y], y0))</c>
    /// over jieba's allowed predecessors; on equal probability the state with the larger name wins, as in Python.
    /// </summary>
    private static void CutViterbi(JiebaDictionary dictionary, JiebaHmmModel hmm, ReadOnlySpan<char> text, int start, int end, List<TokenRange> tokens)
    {
        var obs = text[start..end];
        var n = obs.Length;
        var back = t_backPointers;
        if (back is null || back.Length < n * 4) t_backPointers = back = new byte[Math.Max(n * 4, 1024) * 2];

        var eB = hmm.Emissions(B);
        var eE = hmm.Emissions(E);
        var eM = hmm.Emissions(M);
        var eS = hmm.Emissions(S);
        double tEB = hmm.Transition(E, B), tSB = hmm.Transition(S, B), tMM = hmm.Transition(M, M), tBM = hmm.Transition(B, M);
        double tSS = hmm.Transition(S, S), tES = hmm.Transition(E, S), tBE = hmm.Transition(B, E), tME = hmm.Transition(M, E);

        var c = obs[0];
        double vB = hmm.Start(B) + eB[c], vE = hmm.Start(E) + eE[c], vM = hmm.Start(M) + eM[c], vS = hmm.Start(S) + eS[c];
        for (var t = 1; t < n; t++)
        {
            c = obs[t];
            var bp = t * 4;

            var em = eB[c];
            double fromE = vE + tEB + em, fromS = vS + tSB + em;
            double nB;
            if (fromS >= fromE) { nB = fromS; back[bp + B] = S; } else { nB = fromE; back[bp + B] = E; }

            em = eM[c];
            double fromM = vM + tMM + em, fromB = vB + tBM + em;
            double nM;
            if (fromM >= fromB) { nM = fromM; back[bp + M] = M; } else { nM = fromB; back[bp + M] = B; }

            em = eS[c];
            fromS = vS + tSS + em;
            fromE = vE + tES + em;
            double nS;
            if (fromS >= fromE) { nS = fromS; back[bp + S] = S; } else { nS = fromE; back[bp + S] = E; }

            em = eE[c];
            fromB = vB + tBE + em;
            fromM = vM + tME + em;
            double nE;
            if (fromM >= fromB) { nE = fromM; back[bp + E] = M; } else { nE = fromB; back[bp + E] = B; }

            vB = nB; vM = nM; vS = nS; vE = nE;
        }

        // The best path is written back to front into column 0 of the table, each entry read before it is overwritten.
        int state = vS >= vE ? S : E;
        for (var t = n - 1; t >= 0; t--)
        {
            var previous = t > 0 ? back[t * 4 + state] : 0;
            back[t * 4] = (byte)state;
            state = previous;
        }

        var begin = 0;
        var next = 0;
        for (var k = 0; k < n; k++)
        {
            switch (back[k * 4])
            {
                case B:
                    begin = k;
                    break;
                case E:
                    EmitHmmWord(dictionary, text, start + begin, k + 1 - begin, tokens);
                    next = k + 1;
                    break;
                case S:
                    EmitHmmWord(dictionary, text, start + k, 1, tokens);
                    next = k + 1;
                    break;
            }
        }
        if (next < n) EmitHmmWord(dictionary, text, start + next, n - next, tokens);
    }

    private static void EmitHmmWord(JiebaDictionary dictionary, ReadOnlySpan<char> text, int start, int length, List<TokenRange> tokens)
    {
        if (length > 1 && dictionary.HasForceSplitWords && dictionary.IsForceSplit(text.Slice(start, length)))
        {
            for (var i = 0; i < length; i++) tokens.Add(new TokenRange(start + i, 1));
            return;
        }
        tokens.Add(new TokenRange(start, length));
    }
}
