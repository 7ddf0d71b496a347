namespace Inkstone.Team;

/// <summary>
/// An action on the team rather than on an item (a person added, invited, disabled; a guideline published; a gold item
/// set). Actions on items go into the item's audit trail instead.
/// </summary>
public sealed record TeamEvent(long Sequence, string Action, string Subject, string Actor, string? Detail, DateTimeOffset At);
