namespace Inkstone.Team;

/// <summary>Work in progress a person saved on an item (an annotation being written, a review being drafted).</summary>
/// <param name="Content">The saved fields as JSON.</param>
/// <param name="Revision">Grows by one per save; a save that names an older revision is refused as stale.</param>
public sealed record WorkDraft(string ItemId, string PersonId, string Kind, string Content, long Revision, DateTimeOffset UpdatedAt);
