namespace Inkstone.Team;

/// <summary>The outcome of saving work in progress: saved at <see cref="Revision"/>, or refused because the stored
/// revision is newer than the one the saver had (another tab or another person saved since).</summary>
public sealed record DraftSaveResult(bool Saved, long Revision, DateTimeOffset? StoredAt = null);
