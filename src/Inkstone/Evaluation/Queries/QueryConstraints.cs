namespace Inkstone.Evaluation.Queries;

/// <summary>What a benchmark query asks of the text, in the query set's own words (e.g. length "800字左右", style "幽默", theme "乡愁").</summary>
public sealed record QueryConstraints(string? Length = null, string? Style = null, string? Theme = null);
