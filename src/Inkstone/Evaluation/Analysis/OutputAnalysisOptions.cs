using Inkstone.Text.Segmentation;

namespace Inkstone.Evaluation.Analysis;

/// <summary>How answers are measured.</summary>
public sealed record OutputAnalysisOptions
{
    /// <summary>Segmenter for Chinese TTR (the jieba-compatible one, as the paper); null leaves Chinese TTR out.</summary>
    public IWordSegmenter? ChineseSegmenter { get; init; }

    /// <summary>Counts tokens of an answer (e.g. the model's tokenizer); null uses the usage output tokens of the call.</summary>
    public Func<string, int>? TokenCounter { get; init; }

    public int MattrWindow { get; init; } = 100;

    public ContaminationRule Contamination { get; init; } = new();
}
