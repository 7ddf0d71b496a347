namespace Inkstone.Storage;

/// <summary>What happened to one <see cref="NewCurationItem"/>; <see cref="DuplicateOf"/> names the earlier item for exact and near duplicates.</summary>
public sealed record InsertResult(string Id, InsertOutcome Outcome, string? DuplicateOf = null);
