namespace Inkstone.Curation.Assessment;

/// <summary>The initial assessment's five dimensions (paper §2.1), each 1–10.</summary>
public sealed record FiveDimensionScores(int ContentCompleteness, int FormatStandardization, int ErrorCorrection, int LogicalConsistency, int Creativity);
