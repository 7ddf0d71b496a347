using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Inkstone.Llm.Structured;

/// <summary>Quality and creativity on the paper's 1–10 bands: screening and the six-dimension assessment (two dimensions per call).</summary>
public sealed record ScoreResult : IValidatedResult
{
    public const int Minimum = 1;
    public const int Maximum = 10;

    [JsonPropertyName("quality"), Range(Minimum, Maximum)]
    public required int Quality { get; init; }

    [JsonPropertyName("creativity"), Range(Minimum, Maximum)]
    public required int Creativity { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(2);
        if (Quality is < Minimum or > Maximum) errors.Add($"quality = {Quality}: outside {Minimum}–{Maximum}");
        if (Creativity is < Minimum or > Maximum) errors.Add($"creativity = {Creativity}: outside {Minimum}–{Maximum}");
        return errors;
    }
}
