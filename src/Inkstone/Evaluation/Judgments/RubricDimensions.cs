namespace Inkstone.Evaluation.Judgments;

/// <summary>File names of the rubric dimensions and the score range.</summary>
public static class RubricDimensions
{
    public const int MinScore = 0;
    public const int MaxScore = 3;

    public static IReadOnlyList<RubricDimension> All { get; } = Enum.GetValues<RubricDimension>();

    public static string Name(RubricDimension dimension) => dimension switch
    {
        RubricDimension.ContentQuality => "content_quality",
        RubricDimension.CreativeMerit => "creative_merit",
        RubricDimension.CulturalAppropriateness => "cultural_appropriateness",
        RubricDimension.TaskFulfilment => "task_fulfilment",
        RubricDimension.OverallPreference => "overall_preference",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    public static bool TryParse(string name, out RubricDimension dimension)
    {
        foreach (var d in All)
            if (string.Equals(Name(d), name, StringComparison.OrdinalIgnoreCase)) { dimension = d; return true; }
        // the US spelling is accepted on input
        if (string.Equals(name, "task_fulfillment", StringComparison.OrdinalIgnoreCase)) { dimension = RubricDimension.TaskFulfilment; return true; }
        dimension = default;
        return false;
    }
}
