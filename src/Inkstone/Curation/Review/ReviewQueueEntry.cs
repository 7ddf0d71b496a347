namespace Inkstone.Curation.Review;

/// <summary>One open assignment in a reviewer's queue.</summary>
public sealed record ReviewQueueEntry(string ItemId, int Round, DateTimeOffset AssignedAt, string? Title, string? Genre,
    bool Specialised, int CharCount);
