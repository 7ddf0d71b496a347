using Inkstone.Text.Segmentation;

namespace Inkstone.Cli;

/// <summary>The Chinese word segmenter the <c>text</c> verbs use: jieba-compatible, precise mode with HMM.</summary>
public static class TextSegmenters
{
    public static IWordSegmenter CreateDefault() => JiebaSegmenter.Default;
}
