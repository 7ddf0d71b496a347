namespace Inkstone.Statistics;

/// <summary>
/// The paper's balance rule (§2.3: at least 15 samples per genre): every taxonomy genre with fewer than
/// <see cref="MinPerGenre"/> accepted records (zero included), and every category with no record at all.
/// </summary>
public sealed record BalanceAudit(int MinPerGenre, IReadOnlyList<BalanceAuditItem> GenresBelowMinimum, IReadOnlyList<BalanceAuditItem> CategoriesMissing)
{
    public bool IsBalanced => GenresBelowMinimum.Count == 0 && CategoriesMissing.Count == 0;
}
