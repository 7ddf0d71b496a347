namespace Inkstone.Curation.Scoring;

/// <summary>What became of one set of human scores; <see cref="Message"/> is written for the scorer.</summary>
public sealed record ScoringOutcome(ScoringOutcomeKind Kind, string? Field = null, string? Message = null)
{
    /// <summary>The gate's verdict, when the scores were complete and the item could take them.</summary>
    public GateVerdict? Verdict { get; init; }

    /// <summary>Where the gate sent the item (scored or revise), when applied or applied before.</summary>
    public CurationState? To { get; init; }

    /// <summary><c>gate</c> when the item went to revise.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>The item's version after the change, when applied.</summary>
    public long? Version { get; init; }
}
