namespace Inkstone.Statistics;

/// <summary>A genre (with its category) or a category named by the balance audit, with its record count.</summary>
public sealed record BalanceAuditItem(string Id, string NameZh, string NameEn, string? CategoryId, long Count);
