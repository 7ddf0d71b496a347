namespace Inkstone.Text.Diversity;

/// <summary>Which tokenizer a text goes through for lexical diversity.</summary>
public enum TextLanguage
{
    /// <summary>Chinese when the text has at least as many Han characters as Latin letters, otherwise English.</summary>
    Auto,

    /// <summary>The Chinese word segmenter (jieba-compatible).</summary>
    Chinese,

    /// <summary>The English word tokenizer.</summary>
    English,
}
