namespace Inkstone.Team;

/// <summary>
/// An item with reference answers for calibration: a review decision (accept, revise, remove) and/or the six scores
/// (JSON object of the six dimensions), set by an admin with a note explaining them.
/// </summary>
public sealed record GoldItem(string ItemId, string? Decision, string? ScoresJson, string? Note, string CreatedBy, DateTimeOffset CreatedAt);
