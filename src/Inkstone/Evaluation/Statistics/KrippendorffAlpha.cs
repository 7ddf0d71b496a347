namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Krippendorff's α from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
/// only items with at least two values count; o_ck = Σ_u (number of ordered pairs (c, k) of values in u from different
/// raters) / (m_u − 1); n_c = Σ_k o_ck; n = Σ_c n_c; α = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
/// </summary>
public static class KrippendorffAlpha
{
    public static AgreementResult Compute(IEnumerable<RaterValue> values, KrippendorffMetric metric)
    {
        var units = ReliabilityData.ByItem(values).Values.Where(r => r.Count >= 2).Select(r => r.Values.ToArray()).ToList();
        return Compute(units, metric);
    }

    /// <summary>α for units given as the values they received (missing values simply absent).</summary>
    public static AgreementResult Compute(IReadOnlyList<int[]> units, KrippendorffMetric metric)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = units.Where(u => u.Length >= 2).ToList();
        var categories = pairable.SelectMany(u => u).Distinct().Order().ToArray();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var k = categories.Length;
        var o = new double[k, k];
        foreach (var u in pairable)
        {
            var weight = 1.0 / (u.Length - 1);
            for (var a = 0; a < u.Length; a++)
                for (var b = 0; b < u.Length; b++)
                    if (a != b) o[index[u[a]], index[u[b]]] += weight;
        }
        var nc = new double[k];
        for (var c = 0; c < k; c++)
            for (var d = 0; d < k; d++) nc[c] += o[c, d];
        var n = nc.Sum();
        if (pairable.Count == 0 || k < 2) return new AgreementResult(double.NaN, pairable.Count);

        double observed = 0, expected = 0;
        for (var c = 0; c < k; c++)
            for (var d = 0; d < k; d++)
            {
                if (c == d) continue;
                var delta = Delta(c, d);
                observed += o[c, d] * delta;
                expected += nc[c] * nc[d] * delta;
            }
        return new AgreementResult(1 - ((n - 1) * observed / expected), pairable.Count);

        double Delta(int c, int d)
        {
            if (metric == KrippendorffMetric.Nominal) return 1;
            int lo = Math.Min(c, d), hi = Math.Max(c, d);
            double s = 0;
            for (var g = lo; g <= hi; g++) s += nc[g];
            s -= (nc[c] + nc[d]) / 2;
            return s * s;
        }
    }
}
