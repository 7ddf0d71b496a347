namespace Inkstone.Evaluation.Judgments;

/// <summary>The five rubric dimensions, each scored 0–3. File names are the snake_case forms (content_quality, …).</summary>
public enum RubricDimension
{
    ContentQuality,
    CreativeMerit,
    CulturalAppropriateness,
    TaskFulfilment,
    OverallPreference,
}
