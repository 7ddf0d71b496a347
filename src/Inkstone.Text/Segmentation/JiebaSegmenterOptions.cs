namespace Inkstone.Text.Segmentation;

/// <summary>Options of <see cref="JiebaSegmenter"/>.</summary>
public sealed record JiebaSegmenterOptions
{
    /// <summary>
    /// Mode used by <see cref="IWordSegmenter.Cut"/>; <see cref="SegmentationMode.Precise"/> by default. Only the
    /// precise modes keep <see cref="IWordSegmenter"/>'s promise that the tokens concatenate to the text; full and
    /// search modes return overlapping words.
    /// </summary>
    public SegmentationMode Mode { get; init; } = SegmentationMode.Precise;
}
