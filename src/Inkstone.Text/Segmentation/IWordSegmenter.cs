namespace Inkstone.Text.Segmentation;

/// <summary>Splits text into words. Implementations are thread-safe for concurrent <see cref="Cut"/> calls.</summary>
public interface IWordSegmenter
{
    /// <summary>Returns the tokens of <paramref name="text"/> in order; concatenated they give the text back.</summary>
    IReadOnlyList<string> Cut(string text);
}
