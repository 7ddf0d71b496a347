namespace Inkstone.Text.Segmentation;

/// <summary>A token as a range of the segmented text, in UTF-16 code units.</summary>
public readonly record struct TokenRange(int Start, int Length)
{
    public int End => Start + Length;
}
