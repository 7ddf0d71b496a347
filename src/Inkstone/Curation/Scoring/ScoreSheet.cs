using System.Text.Json;
using Inkstone.Model;

namespace Inkstone.Curation.Scoring;

/// <summary>The stored <c>scores</c> artifact of an item: who scored it (a person's or a model's id) and the six scores.
/// </summary>
public sealed record ScoreSheet(string? Scorer, AssessmentScores Scores)
{
    public static ScoreSheet Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var scores = new AssessmentScores();
        foreach (var dimension in AssessmentScores.Dimensions)
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(dimension.ToString());
            if (root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
                && v.TryGetInt32(out var value))
                scores = scores.With(dimension, value);
        }

        var scorer = root.TryGetProperty("scorer", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString() : null;
        return new ScoreSheet(scorer, scores);
    }
}
