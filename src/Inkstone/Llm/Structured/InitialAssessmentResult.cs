using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>
/// The initial assessment of a source text on the paper's five dimensions (§2.1), each 1–10, with the model's one-line
/// reason for its main deduction (optional: an answer without it is still usable).
/// </summary>
public sealed record InitialAssessmentResult : IValidatedResult
{
    public const int Minimum = 1;
    public const int Maximum = 10;

    [JsonPropertyName("content_completeness"), Range(Minimum, Maximum)]
    public required int ContentCompleteness { get; init; }

    [JsonPropertyName("format_standardization"), Range(Minimum, Maximum)]
    public required int FormatStandardization { get; init; }

    [JsonPropertyName("error_correction"), Range(Minimum, Maximum)]
    public required int ErrorCorrection { get; init; }

    [JsonPropertyName("logical_consistency"), Range(Minimum, Maximum)]
    public required int LogicalConsistency { get; init; }

    [JsonPropertyName("creativity"), Range(Minimum, Maximum)]
    public required int Creativity { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(string name, int value)
        {
            if (value is < Minimum or > Maximum) errors.Add($"{name} = {value}: outside {Minimum}–{Maximum}");
        }
        Check("content_completeness", ContentCompleteness);
        Check("format_standardization", FormatStandardization);
        Check("error_correction", ErrorCorrection);
        Check("logical_consistency", LogicalConsistency);
        Check("creativity", Creativity);
        return errors;
    }
}
