using System.Text.Json.Serialization;

namespace Inkstone.Curation.Assessment;

/// <summary>The initial assessment's five dimensions (paper §2.1), each 1–10.</summary>
public sealed record FiveDimensionScores(int ContentCompleteness, int FormatStandardization, int ErrorCorrection, int LogicalConsistency, int Creativity)
{
    /// <summary>The model's one-line reason for its main deduction; null for the rule-based scores or when the model gave none.</summary>
    public string? Reason { get; init; }

    /// <summary>The five scores with their snake_case names, in the paper's order.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Name, int Score)> Dimensions =>
    [
        ("content_completeness", ContentCompleteness), ("format_standardization", FormatStandardization),
        ("error_correction", ErrorCorrection), ("logical_consistency", LogicalConsistency), ("creativity", Creativity),
    ];

    /// <summary>The arithmetic mean of the five scores.</summary>
    [JsonIgnore]
    public double Mean => (ContentCompleteness + FormatStandardization + ErrorCorrection + LogicalConsistency + Creativity) / 5.0;
}
