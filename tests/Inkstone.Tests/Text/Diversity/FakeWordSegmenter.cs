using Inkstone.Text.Segmentation;

namespace Inkstone.Tests.Text.Diversity;

/// <summary>A segmenter that returns the segmentation it was given for each known text.</summary>
public sealed class FakeWordSegmenter(IReadOnlyDictionary<string, string[]> segmentations) : IWordSegmenter
{
    public int Calls { get; private set; }

    public IReadOnlyList<string> Cut(string text)
    {
        Calls++;
        return segmentations.TryGetValue(text, out var tokens) ? tokens : throw new InvalidOperationException("unexpected text: " + text);
    }
}
