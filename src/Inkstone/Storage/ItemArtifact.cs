namespace Inkstone.Storage;

/// <summary>A stored artifact. Artifacts are never overwritten: a later write of the same kind is a new revision (the item version it was written at).</summary>
public sealed record ItemArtifact(string ItemId, string Kind, long Revision, string Json, Actor Actor, DateTimeOffset CreatedAt);
