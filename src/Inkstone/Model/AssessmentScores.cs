namespace Inkstone.Model;

/// <summary>
/// The six-dimension assessment of a triplet (paper §2.2), each on the 1–10 bands. A missing score is null, never a default.
/// </summary>
public sealed record AssessmentScores
{
    public const int Minimum = 1;
    public const int Maximum = 10;

    public int? ArticleQuality { get; init; }
    public int? ArticleCreativity { get; init; }
    public int? QueryQuality { get; init; }
    public int? QueryCreativity { get; init; }
    public int? ThoughtQuality { get; init; }
    public int? ThoughtCreativity { get; init; }

    public static IReadOnlyList<ScoreDimension> Dimensions { get; } = Enum.GetValues<ScoreDimension>();

    public int? this[ScoreDimension dimension] => dimension switch
    {
        ScoreDimension.ArticleQuality => ArticleQuality,
        ScoreDimension.ArticleCreativity => ArticleCreativity,
        ScoreDimension.QueryQuality => QueryQuality,
        ScoreDimension.QueryCreativity => QueryCreativity,
        ScoreDimension.ThoughtQuality => ThoughtQuality,
        ScoreDimension.ThoughtCreativity => ThoughtCreativity,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public AssessmentScores With(ScoreDimension dimension, int? value) => dimension switch
    {
        ScoreDimension.ArticleQuality => this with { ArticleQuality = value },
        ScoreDimension.ArticleCreativity => this with { ArticleCreativity = value },
        ScoreDimension.QueryQuality => this with { QueryQuality = value },
        ScoreDimension.QueryCreativity => this with { QueryCreativity = value },
        ScoreDimension.ThoughtQuality => this with { ThoughtQuality = value },
        ScoreDimension.ThoughtCreativity => this with { ThoughtCreativity = value },
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>True when all six dimensions carry a score.</summary>
    public bool IsComplete => Dimensions.All(d => this[d] is not null);

    /// <summary>Sum of the six scores, or null while any is missing.</summary>
    public int? Total => IsComplete ? Dimensions.Sum(d => this[d]!.Value) : null;

    public static bool IsInRange(int value) => value is >= Minimum and <= Maximum;
}
