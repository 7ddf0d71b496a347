namespace Inkstone.Curation.Scoring;

public enum ScoringOutcomeKind
{
    /// <summary>The gate moved the item to scored or revise(gate).</summary>
    Applied,

    /// <summary>The same scores by the same scorer were applied before; nothing changed.</summary>
    AlreadyApplied,

    NotFound,

    /// <summary>The item changed since the scorer loaded it; nothing was written.</summary>
    Stale,

    /// <summary>The item is not annotated (scores are accepted for annotated items only).</summary>
    NotAnnotated,

    /// <summary>The scorer annotated this triplet; a person may not score their own work.</summary>
    SelfScoring,

    /// <summary>
    /// A score is missing or outside 1–10, or the scorer is missing; <see cref="ScoringOutcome.Field"/> names it.
    /// </summary>
    Invalid,
}
