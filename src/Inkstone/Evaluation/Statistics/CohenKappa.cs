namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Cohen's κ of two raters over the items both rated: κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the share of items on which
/// they agree and pₑ = Σ_c p_A(c)·p_B(c) from each rater's own category shares.
/// </summary>
public static class CohenKappa
{
    public static AgreementResult Compute(IEnumerable<RaterValue> values, string raterA, string raterB)
    {
        var pairs = new List<(int A, int B)>();
        foreach (var raters in ReliabilityData.ByItem(values).Values)
            if (raters.TryGetValue(raterA, out var a) && raters.TryGetValue(raterB, out var b)) pairs.Add((a, b));
        return Compute(pairs);
    }

    /// <summary>κ for every pair of raters (ordinal order of names) that share at least one item.</summary>
    public static IReadOnlyList<(string RaterA, string RaterB, AgreementResult Kappa)> PerPair(IEnumerable<RaterValue> values)
    {
        var list = values.ToList();
        var raters = list.Select(v => v.Rater).Distinct().Order(StringComparer.Ordinal).ToArray();
        var result = new List<(string, string, AgreementResult)>();
        for (var i = 0; i < raters.Length; i++)
            for (var j = i + 1; j < raters.Length; j++)
            {
                var k = Compute(list, raters[i], raters[j]);
                if (k.Items > 0) result.Add((raters[i], raters[j], k));
            }
        return result;
    }

    public static AgreementResult Compute(IReadOnlyList<(int A, int B)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var n = pairs.Count;
        if (n == 0) return new AgreementResult(double.NaN, 0);
        var countA = new Dictionary<int, int>();
        var countB = new Dictionary<int, int>();
        var agree = 0;
        foreach (var (a, b) in pairs)
        {
            if (a == b) agree++;
            countA[a] = countA.GetValueOrDefault(a) + 1;
            countB[b] = countB.GetValueOrDefault(b) + 1;
        }
        double po = (double)agree / n, pe = 0;
        foreach (var (c, k) in countA) pe += (double)k / n * countB.GetValueOrDefault(c) / n;
        return new AgreementResult(pe >= 1 ? double.NaN : (po - pe) / (1 - pe), n);
    }
}
