namespace Inkstone.Curation.Items;

/// <summary>
/// One item waiting for annotation, as written to a task file: what the annotator works from (the article, the stored
/// LLM analyses and draft, the reviewer's note when the item came back for revision) and the empty fields
/// <see cref="Annotator"/>, <see cref="Query"/> and <see cref="Thought"/> that they fill in. Filled in, the file is what
/// <c>inkstone import annotations</c> reads.
/// </summary>
public sealed record AnnotationTask
{
    /// <summary>The columns of a task file, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "source_id", "state", "genre", "title", "article", "article_analysis", "usability", "query_analysis",
        "draft_query", "draft_thought", "reviewer_note", "annotator", "query", "thought",
    ];

    public required string SourceId { get; init; }
    public required string State { get; init; }
    public string Genre { get; init; } = "";
    public string Title { get; init; } = "";
    public required string Article { get; init; }
    public string ArticleAnalysis { get; init; } = "";
    public string Usability { get; init; } = "";
    public string QueryAnalysis { get; init; } = "";
    public string DraftQuery { get; init; } = "";
    public string DraftThought { get; init; } = "";
    public string ReviewerNote { get; init; } = "";
    public string Annotator { get; init; } = "";
    public string Query { get; init; } = "";
    public string Thought { get; init; } = "";

    /// <summary>The values in <see cref="Columns"/> order.</summary>
    public IReadOnlyList<string> Values() =>
    [
        SourceId, State, Genre, Title, Article, ArticleAnalysis, Usability, QueryAnalysis,
        DraftQuery, DraftThought, ReviewerNote, Annotator, Query, Thought,
    ];
}
