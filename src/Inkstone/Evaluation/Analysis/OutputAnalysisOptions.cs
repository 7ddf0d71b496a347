using Inkstone.Text.Diversity;
using Inkstone.Text.Lengths;
using Inkstone.Text.Scripts;
using Inkstone.Text.Segmentation;

namespace Inkstone.Evaluation.Analysis;

/// <summary>How answers are measured. The measures themselves are those of Inkstone.Text (docs/text-metrics.md).</summary>
public sealed record OutputAnalysisOptions
{
    /// <summary>Segmenter for Chinese lexical diversity (the jieba-compatible one, as the paper); null leaves Chinese TTR, MATTR and MTLD out.</summary>
    public IWordSegmenter? ChineseSegmenter { get; init; }

    /// <summary>Counts the tokens of an answer (e.g. the model's tokenizer); null uses the output-token usage of the call.</summary>
    public ITokenCounter? TokenCounter { get; init; }

    /// <summary>
    /// Token filter, case folding, MATTR window and MTLD threshold. The language is not taken from here: each answer is
    /// tokenized in its query's language.
    /// </summary>
    public LexicalDiversityOptions Diversity { get; init; } = new();

    /// <summary>Thresholds of the "contains Chinese text" rule applied to answers to English prompts.</summary>
    public ChineseContentOptions Contamination { get; init; } = new();
}
