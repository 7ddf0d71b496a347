namespace Inkstone.Datasets;

/// <summary>Field names of the dataset formats (docs/dataset-format.md lists them with their meaning).</summary>
internal static class DatasetFieldNames
{
    public const string Id = "id";
    public const string Query = "query";
    public const string Thought = "thought";
    public const string Answer = "answer";
    public const string Metadata = "metadata";

    // Names used by the released COIG-Writer files.
    public const string QueryAlternate = "reverse_inspiration_prompt";
    public const string ThoughtAlternate = "reasoning_process";
    public const string AnswerAlternate = "article";

    public const string Genre = "genre";
    public const string QualityScore = "quality_score";
    public const string CreativityScore = "creativity_score";
    public const string ArticleQualityScore = "article_quality_score";
    public const string ArticleCreativityScore = "article_creativity_score";
    public const string QueryQualityScore = "query_quality_score";
    public const string QueryCreativityScore = "query_creativity_score";
    public const string ThoughtQualityScore = "thought_quality_score";
    public const string ThoughtCreativityScore = "thought_creativity_score";
    public const string ReviewState = "review_state";
    public const string Url = "url";
    public const string Platform = "platform";
    public const string Author = "author";
    public const string PublishedAt = "published_at";
    public const string Likes = "likes";
    public const string Shares = "shares";
    public const string Comments = "comments";

    public static bool IsTopLevelTextField(string name) => name is Id or Query or Thought or Answer or QueryAlternate or ThoughtAlternate or AnswerAlternate;
}
