namespace Inkstone.Text.Segmentation;

/// <summary>
/// A word segmenter that returns Python jieba 0.42.1's tokens, over jieba's own dictionary and HMM tables.
/// Thread-safe for concurrent cutting as long as its dictionary is not edited meanwhile.
/// </summary>
/// <remarks>
/// Precise mode (with and without the HMM) and search mode give the same tokens as Python jieba for any input;
/// full mode too, except that the empty strings Python yields around whitespace are left out. Characters outside
/// the BMP are never split: outside jieba's word blocks every code point is its own token.
/// </remarks>
public sealed class JiebaSegmenter : IWordSegmenter
{
    private static readonly Lazy<JiebaSegmenter> s_default = new(() =>
    {
        // The two loads are independent; on two cores they overlap.
        var hmm = Task.Run(() => JiebaHmmModel.Default);
        return new JiebaSegmenter(JiebaDictionary.Default, hmm.GetAwaiter().GetResult());
    });

    // Single-character tokens are most tokens of Chinese text; their strings are shared.
    private static readonly string?[] s_singleCharacters = new string?[65536];

    [ThreadStatic] private static List<TokenRange>? t_ranges;

    public JiebaSegmenter(JiebaDictionary dictionary, JiebaHmmModel hmm, JiebaSegmenterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(hmm);
        Dictionary = dictionary;
        Hmm = hmm;
        Options = options ?? new JiebaSegmenterOptions();
    }

    /// <summary>Precise mode with HMM over jieba's default data (shared, read-only dictionary).</summary>
    public static JiebaSegmenter Default => s_default.Value;

    public JiebaDictionary Dictionary { get; }

    public JiebaHmmModel Hmm { get; }

    public JiebaSegmenterOptions Options { get; }

    /// <summary>Cuts <paramref name="text"/> in <see cref="JiebaSegmenterOptions.Mode"/>.</summary>
    public IReadOnlyList<string> Cut(string text) => Cut(text, Options.Mode);

    /// <summary>Cuts <paramref name="text"/> in <paramref name="mode"/>.</summary>
    public List<string> Cut(string text, SegmentationMode mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>(text.Length / 2 + 1);
        Cut(text.AsSpan(), mode, tokens);
        return tokens;
    }

    /// <summary>Cuts <paramref name="text"/> in <paramref name="mode"/>, appending the tokens to <paramref name="tokens"/>.</summary>
    public void Cut(ReadOnlySpan<char> text, SegmentationMode mode, List<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (mode == SegmentationMode.Full)
        {
            JiebaCutter.CutFull(Dictionary, text, tokens);
            return;
        }
        var ranges = t_ranges ??= new List<TokenRange>(1024);
        ranges.Clear();
        CutRanges(text, mode, ranges);
        foreach (var range in ranges) tokens.Add(ToString(text, range));
        // A huge document should not pin its range list to the thread for good.
        if (ranges.Capacity > 1 << 16) t_ranges = null;
    }

    /// <summary>
    /// Cuts <paramref name="text"/>, appending each token as a range of the text to <paramref name="tokens"/>;
    /// allocates nothing once the list has grown. Not for <see cref="SegmentationMode.Full"/>, whose tokens are not all ranges.
    /// </summary>
    public void CutRanges(ReadOnlySpan<char> text, SegmentationMode mode, List<TokenRange> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        switch (mode)
        {
            case SegmentationMode.Precise: JiebaCutter.CutPrecise(Dictionary, Hmm, text, tokens); break;
            case SegmentationMode.PreciseNoHmm: JiebaCutter.CutPrecise(Dictionary, null, text, tokens); break;
            case SegmentationMode.Search: JiebaCutter.CutForSearch(Dictionary, Hmm, text, tokens); break;
            case SegmentationMode.SearchNoHmm: JiebaCutter.CutForSearch(Dictionary, null, text, tokens); break;
            case SegmentationMode.Full: throw new NotSupportedException("Full-mode tokens are not all ranges of the text; use Cut.");
            default: throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
        }
    }

    private static string ToString(ReadOnlySpan<char> text, TokenRange range)
    {
        if (range.Length != 1) return text.Slice(range.Start, range.Length).ToString();
        var c = text[range.Start];
        return s_singleCharacters[c] ??= c.ToString();
    }
}
