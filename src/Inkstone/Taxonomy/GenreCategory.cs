namespace Inkstone.Taxonomy;

/// <summary>One of the main categories (Tables 5–10 of the paper) with its genres in file order.</summary>
public sealed record GenreCategory(string Id, string NameZh, string NameEn, IReadOnlyList<Genre> Genres);
