namespace Inkstone.Taxonomy;

/// <summary>A genre with a stable id, its names and the aliases that resolve to it.</summary>
public sealed record Genre(string Id, string CategoryId, string NameZh, string NameEn, IReadOnlyList<string> Aliases);
