using Inkstone.Curation;

namespace Inkstone.Storage;

/// <summary>One recorded state change. <see cref="From"/> is null for the event that created the item.</summary>
public sealed record AuditEvent(long Sequence, string ItemId, CurationState? From, CurationState To, string? ReasonCode, string? Reason, Actor Actor, string? RunId, DateTimeOffset At);
