namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Fleiss' κ over all items with at least two ratings: Pᵢ = Σ_c nᵢc(nᵢc − 1) / (nᵢ(nᵢ − 1)), P̄ = mean of Pᵢ,
/// p_c = Σᵢ nᵢc / Σᵢ nᵢ, P̄ₑ = Σ_c p_c², κ = (P̄ − P̄ₑ) / (1 − P̄ₑ). With the same number of raters on every item this is
/// exactly Fleiss (1971); with unequal numbers it is the usual generalisation (each item's agreement weighted equally).
/// </summary>
public static class FleissKappa
{
    public static AgreementResult Compute(IEnumerable<RaterValue> values)
    {
        var counts = new List<Dictionary<int, int>>();
        foreach (var raters in ReliabilityData.ByItem(values).Values)
        {
            if (raters.Count < 2) continue;
            var c = new Dictionary<int, int>();
            foreach (var v in raters.Values) c[v] = c.GetValueOrDefault(v) + 1;
            counts.Add(c);
        }
        return Compute(counts);
    }

    /// <summary>κ from per-item category counts (the subjects × categories table of statsmodels' <c>fleiss_kappa</c>).</summary>
    public static AgreementResult Compute(IReadOnlyList<IReadOnlyDictionary<int, int>> itemCounts)
    {
        ArgumentNullException.ThrowIfNull(itemCounts);
        var items = itemCounts.Where(c => c.Values.Sum() >= 2).ToList();
        if (items.Count == 0) return new AgreementResult(double.NaN, 0);
        double pBar = 0, total = 0;
        var categoryTotals = new Dictionary<int, double>();
        foreach (var item in items)
        {
            double ni = item.Values.Sum(), agree = 0;
            foreach (var (category, nic) in item)
            {
                agree += nic * (nic - 1.0);
                categoryTotals[category] = categoryTotals.GetValueOrDefault(category) + nic;
            }
            pBar += agree / (ni * (ni - 1));
            total += ni;
        }
        pBar /= items.Count;
        var pe = categoryTotals.Values.Sum(t => (t / total) * (t / total));
        return new AgreementResult(pe >= 1 ? double.NaN : (pBar - pe) / (1 - pe), items.Count);
    }
}
