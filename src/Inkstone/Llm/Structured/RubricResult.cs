using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>A rubric judgment of one answer: five criteria scored 0–3, with the judge's reason.</summary>
public sealed record RubricResult : IValidatedResult
{
    public const int Minimum = 0;
    public const int Maximum = 3;

    [JsonPropertyName("content_quality"), Range(Minimum, Maximum)]
    public required int ContentQuality { get; init; }

    [JsonPropertyName("creative_merit"), Range(Minimum, Maximum)]
    public required int CreativeMerit { get; init; }

    [JsonPropertyName("cultural_appropriateness"), Range(Minimum, Maximum)]
    public required int CulturalAppropriateness { get; init; }

    [JsonPropertyName("task_fulfilment"), Range(Minimum, Maximum)]
    public required int TaskFulfilment { get; init; }

    [JsonPropertyName("overall_preference"), Range(Minimum, Maximum)]
    public required int OverallPreference { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(string name, int value)
        {
            if (value is < Minimum or > Maximum) errors.Add($"{name} = {value}: outside {Minimum}–{Maximum}");
        }
        Check("content_quality", ContentQuality);
        Check("creative_merit", CreativeMerit);
        Check("cultural_appropriateness", CulturalAppropriateness);
        Check("task_fulfilment", TaskFulfilment);
        Check("overall_preference", OverallPreference);
        return errors;
    }
}
