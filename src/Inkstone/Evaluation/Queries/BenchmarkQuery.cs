namespace Inkstone.Evaluation.Queries;

/// <summary>
/// One benchmark writing task. <see cref="Language"/> is "zh" or "en"; <see cref="Genre"/> is a taxonomy genre id;
/// <see cref="CulturalRequirements"/> names the cultural or contextual knowledge the answer needs (free text, may be empty).
/// </summary>
public sealed record BenchmarkQuery(
    string Id,
    string Language,
    string Genre,
    string Query,
    QueryConstraints Constraints,
    string? CulturalRequirements = null);
