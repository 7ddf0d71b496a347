using System.Text;

namespace Inkstone.Text.Segmentation;

internal static partial class JiebaCutter
{
    [ThreadStatic] private static List<int>? t_dagEnds;

    /// <summary>
    /// <c>jieba.cut(text, cut_all=True)</c>. Tokens overlap and a run of ASCII letters and digits may be joined across
    /// skipped positions, so they are strings, not ranges. Python also yields empty strings around whitespace; those are dropped.
    /// </summary>
    public static void CutFull(JiebaDictionary dictionary, ReadOnlySpan<char> text, List<string> tokens)
    {
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            var end = i + 1;
            if (JiebaCharacterClasses.IsHanBlock(c))
            {
                while (end < n && JiebaCharacterClasses.IsHanBlock(text[end])) end++;
                CutBlockAll(dictionary, text[i..end], tokens);
            }
            else if (c == '\r' && end < n && text[end] == '\n')
            {
                tokens.Add("\r\n");
                end++;
            }
            else if (JiebaCharacterClasses.IsPythonWhitespace(c))
            {
                tokens.Add(c.ToString());
            }
            else
            {
                // Between whitespace, a run outside re_han_default blocks is one token in full mode.
                while (end < n && !JiebaCharacterClasses.IsHanBlock(text[end]) && !JiebaCharacterClasses.IsPythonWhitespace(text[end])) end++;
                tokens.Add(text[i..end].ToString());
            }
            i = end;
        }
    }

    /// <summary><c>__cut_all</c>.</summary>
    private static void CutBlockAll(JiebaDictionary dictionary, ReadOnlySpan<char> block, List<string> tokens)
    {
        var trie = dictionary.Trie;
        var ends = t_dagEnds ??= [];
        var oldJ = -1;
        StringBuilder? english = null;
        var scanningEnglish = false;
        for (var k = 0; k < block.Length; k++)
        {
            ends.Clear();
            var node = trie.Child(0, block[k]);
            for (var i = k; node != 0;)
            {
                if (trie.Frequency(node) != 0) ends.Add(i);
                if (++i >= block.Length) break;
                node = trie.Child(node, block[i]);
            }
            if (ends.Count == 0) ends.Add(k);

            if (scanningEnglish && !char.IsAsciiLetterOrDigit(block[k]))
            {
                scanningEnglish = false;
                tokens.Add(english!.ToString());
            }
            if (ends.Count == 1 && k > oldJ)
            {
                var word = block[k..(ends[0] + 1)];
                if (char.IsAsciiLetterOrDigit(word[0]))
                {
                    english ??= new StringBuilder();
                    if (!scanningEnglish)
                    {
                        scanningEnglish = true;
                        english.Clear();
                    }
                    english.Append(word);
                }
                if (!scanningEnglish) tokens.Add(word.ToString());
                oldJ = ends[0];
            }
            else
            {
                foreach (var j in ends)
                {
                    if (j <= k) continue;
                    tokens.Add(block[k..(j + 1)].ToString());
                    oldJ = j;
                }
            }
        }
        if (scanningEnglish) tokens.Add(english!.ToString());
    }
}
