namespace Inkstone.Text.Segmentation;

/// <summary>Python jieba's cutting modes.</summary>
public enum SegmentationMode
{
    /// <summary><c>jieba.cut(text)</c>: dictionary route, then the HMM for runs of unjoined characters (the default).</summary>
    Precise,

    /// <summary><c>jieba.cut(text, HMM=False)</c>: dictionary route only.</summary>
    PreciseNoHmm,

    /// <summary><c>jieba.cut(text, cut_all=True)</c>: every dictionary word found, overlapping.</summary>
    Full,

    /// <summary><c>jieba.cut_for_search(text)</c>: precise tokens preceded by their dictionary 2- and 3-grams.</summary>
    Search,

    /// <summary><c>jieba.cut_for_search(text, HMM=False)</c>.</summary>
    SearchNoHmm,
}
