namespace Inkstone.Storage;

public enum InsertOutcome
{
    /// <summary>Stored in the state it was given.</summary>
    Inserted,

    /// <summary>Stored, as rejected: its text hash belongs to an item already in the workspace.</summary>
    ExactDuplicate,

    /// <summary>Stored, as <c>rejected(near_duplicate)</c>: an item already in the workspace (or earlier in the batch) is a near duplicate.</summary>
    NearDuplicate,

    /// <summary>Not stored again: the same id with the same text is already in the workspace (a re-run of an ingest).</summary>
    AlreadyPresent,

    /// <summary>Not stored: the id is taken by a different text.</summary>
    IdConflict,
}
