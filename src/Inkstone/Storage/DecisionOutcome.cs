namespace Inkstone.Storage;

public enum DecisionOutcome
{
    Recorded,

    /// <summary>The same decision was already recorded (an import run twice).</summary>
    AlreadyRecorded,

    /// <summary>A different decision was already recorded; the first one stands.</summary>
    Conflict,

    /// <summary>No such assignment (wrong item, round or reviewer).</summary>
    NotAssigned,
}
