using Inkstone.Curation.Assessment;
using Inkstone.Model;

namespace Inkstone.Curation.Modeling;

/// <summary>
/// What the curation stages ask of a language model (<see cref="LlmCurationModel"/> runs it over the model layer); every call returns a <see cref="ModelResult{T}"/> (a value, or a diagnostic — never an exception for a failed
/// call or an unparseable answer, and never a default score).
/// </summary>
public interface ICurationModel
{
    /// <summary>The model id recorded as the actor of the changes this model makes.</summary>
    string ModelId { get; }

    /// <summary>
    /// Whether <see cref="AssessAsync"/> is available; a model without a five-dimension prompt leaves the initial
    /// assessment to the rule-based signals.
    /// </summary>
    bool AssessesFiveDimensions { get; }

    /// <summary>Initial assessment on the five dimensions (paper §2.1).</summary>
    Task<ModelResult<FiveDimensionScores>> AssessAsync(string article, CancellationToken cancellationToken = default);

    /// <summary>Screening: article quality and article creativity, 1–10 (paper §2.1).</summary>
    Task<ModelResult<ScreeningScores>> ScreenAsync(string article, CancellationToken cancellationToken = default);

    /// <summary>Usability pre-analysis: can this article be reverse-engineered into a prompt and reasoning?</summary>
    Task<ModelResult<UsabilityVerdict>> PreAnalyzeAsync(string article, CancellationToken cancellationToken = default);

    /// <summary>Article analysis for annotators (paper appendix D.2).</summary>
    Task<ModelResult<string>> AnalyzeArticleAsync(string article, string? genre, CancellationToken cancellationToken = default);

    /// <summary>Article + query analysis for annotators writing the thought (paper appendix D.3).</summary>
    Task<ModelResult<string>> AnalyzeArticleAndQueryAsync(string article, string query, CancellationToken cancellationToken = default);

    /// <summary>Six-dimension scores of a triplet (paper §2.2, appendix D.4–D.6).</summary>
    Task<ModelResult<AssessmentScores>> ScoreAsync(string article, string query, string thought, CancellationToken cancellationToken = default);

    /// <summary>A reverse-engineered query and thought, kept as a draft until a person edits or accepts it.</summary>
    Task<ModelResult<ReverseEngineeringDraft>> DraftAsync(string article, string? genre, CancellationToken cancellationToken = default);
}
