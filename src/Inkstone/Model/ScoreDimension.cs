namespace Inkstone.Model;

/// <summary>The six assessment dimensions: article, query (prompt) and thought (reasoning), each for quality and creativity.</summary>
public enum ScoreDimension
{
    ArticleQuality,
    ArticleCreativity,
    QueryQuality,
    QueryCreativity,
    ThoughtQuality,
    ThoughtCreativity,
}
