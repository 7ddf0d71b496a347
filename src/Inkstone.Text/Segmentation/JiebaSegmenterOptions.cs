namespace Inkstone.Text.Segmentation;

/// <summary>Options of <see cref="JiebaSegmenter"/>.</summary>
public sealed record JiebaSegmenterOptions
{
    /// <summary>Mode used by <see cref="IWordSegmenter.Cut"/>; <see cref="SegmentationMode.Precise"/> by default.</summary>
    public SegmentationMode Mode { get; init; } = SegmentationMode.Precise;
}
