namespace Inkstone.Llm.Prompts;

/// <summary>Ids of the built-in prompts (files under Llm/Prompts/), one per LLM step of the method.</summary>
public static class PromptIds
{
    /// <summary>Initial assessment of a source text on the five dimensions of paper §2.1, 1–10 each. Result: <see cref="Structured.InitialAssessmentResult"/>.</summary>
    public const string AssessArticle = "assess.article";

    /// <summary>Screening of a source text: article quality and creativity, 1–10 (paper §2.1). Result: <see cref="Structured.ScoreResult"/>.</summary>
    public const string ScreenArticle = "screen.article";

    /// <summary>Usability pre-analysis before annotation (paper App. D). Result: <see cref="Structured.UsabilityResult"/>.</summary>
    public const string UsabilityPreAnalysis = "analyze.usability";

    /// <summary>Analysis of an article for the annotator (paper D.2). Free text.</summary>
    public const string AnalyzeArticle = "analyze.article";

    /// <summary>Analysis of an article against its query, to help write the thought (paper D.3). Free text.</summary>
    public const string AnalyzeArticleQuery = "analyze.article_query";

    /// <summary>LLM draft of the reverse-engineered prompt (query). Free text, stored as a draft for a person.</summary>
    public const string DraftQuery = "draft.query";

    /// <summary>LLM draft of the reasoning (thought) from article and query. Free text, stored as a draft.</summary>
    public const string DraftThought = "draft.thought";

    /// <summary>Article quality and creativity given the query (paper D.5). Result: <see cref="Structured.ScoreResult"/>.</summary>
    public const string ScoreArticle = "score.article";

    /// <summary>Query quality and creativity given the article (paper D.4). Result: <see cref="Structured.ScoreResult"/>.</summary>
    public const string ScoreQuery = "score.query";

    /// <summary>Thought quality and creativity given the query (paper D.6). Result: <see cref="Structured.ScoreResult"/>.</summary>
    public const string ScoreThought = "score.thought";

    /// <summary>Pairwise preference between two answers to one query. Result: <see cref="Structured.PairwiseVerdict"/>.</summary>
    public const string JudgePairwise = "judge.pairwise";

    /// <summary>Rubric judgment, 0–3 on five criteria. Result: <see cref="Structured.RubricResult"/>.</summary>
    public const string JudgeRubric = "judge.rubric";

    /// <summary>Reasoning-behaviour labels per numbered segment (paper App. C). Result: <see cref="Structured.ReasoningLabels"/>.</summary>
    public const string LabelReasoning = "label.reasoning";

    public static IReadOnlyList<string> All { get; } =
    [
        AssessArticle, ScreenArticle, UsabilityPreAnalysis, AnalyzeArticle, AnalyzeArticleQuery, DraftQuery, DraftThought,
        ScoreArticle, ScoreQuery, ScoreThought, JudgePairwise, JudgeRubric, LabelReasoning,
    ];
}
