using Inkstone.Text.Scripts;
using Inkstone.Text.Segmentation;
using Inkstone.Text.Tokenization;

namespace Inkstone.Text.Diversity;

/// <summary>
/// Tokenizes a text (Chinese through an <see cref="IWordSegmenter"/>, English through <see cref="EnglishWordTokenizer"/>),
/// drops whitespace and punctuation tokens unless asked to keep them, folds case, and computes TTR, MATTR and MTLD.
/// Thread-safe when the segmenter is.
/// </summary>
public sealed class LexicalDiversityAnalyzer
{
    private readonly IWordSegmenter? _chineseSegmenter;
    private readonly LexicalDiversityOptions _options;

    /// <param name="chineseSegmenter">Needed for Chinese texts (and for <see cref="TextLanguage.Auto"/>); may be null for English only.</param>
    public LexicalDiversityAnalyzer(IWordSegmenter? chineseSegmenter, LexicalDiversityOptions? options = null)
    {
        _options = options ?? new LexicalDiversityOptions();
        _options.Validate();
        if (_options.Language != TextLanguage.English && chineseSegmenter is null)
            throw new ArgumentNullException(nameof(chineseSegmenter), $"a Chinese word segmenter is needed for language {_options.Language}");
        _chineseSegmenter = chineseSegmenter;
    }

    public LexicalDiversityOptions Options => _options;

    /// <summary>The language <paramref name="text"/> is tokenized as.</summary>
    public TextLanguage ResolveLanguage(string text)
    {
        if (_options.Language != TextLanguage.Auto) return _options.Language;
        var profile = ScriptProfile.Of(text);
        return profile.HanCharacters >= profile.LatinLetters ? TextLanguage.Chinese : TextLanguage.English;
    }

    /// <summary>The tokens that the measures count, after filtering and case folding.</summary>
    public List<string> CountedTokens(string text, TextLanguage language)
    {
        IEnumerable<string> raw = language == TextLanguage.Chinese
            ? _chineseSegmenter!.Cut(text)
            : EnglishWordTokenizer.Tokenize(text);
        var tokens = new List<string>();
        foreach (var token in raw)
        {
            if (token.Length == 0) continue;
            if (!_options.KeepPunctuation && TokenClassifier.IsPunctuationOrWhitespace(token)) continue;
            tokens.Add(_options.CaseSensitive ? token : token.ToLowerInvariant());
        }
        return tokens;
    }

    /// <summary>Measures one text.</summary>
    public TextDiversity Analyze(string text)
    {
        var language = ResolveLanguage(text);
        var tokens = CountedTokens(text, language);
        return new TextDiversity(
            language,
            tokens.Count,
            new HashSet<string>(tokens, StringComparer.Ordinal).Count,
            LexicalDiversity.Ttr(tokens),
            LexicalDiversity.Mattr(tokens, _options.MattrWindow),
            LexicalDiversity.Mtld(tokens, _options.MtldThreshold));
    }
}
