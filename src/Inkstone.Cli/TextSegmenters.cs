using Inkstone.Text.Segmentation;

namespace Inkstone.Cli;

/// <summary>The Chinese word segmenter the <c>text</c> verbs use.</summary>
public static class TextSegmenters
{
    public static IWordSegmenter CreateDefault() => throw new NotSupportedException("segmenter not yet available");
}
