namespace Inkstone.Curation.Modeling;

/// <summary>LLM screening scores (1–10) with the model's rationale.</summary>
public sealed record ScreeningScores(int ArticleQuality, int ArticleCreativity, string? Rationale);
