namespace Inkstone.Curation.Modeling;

/// <summary>Whether an article suits reverse engineering, and why.</summary>
public sealed record UsabilityVerdict(bool Usable, string Analysis);
