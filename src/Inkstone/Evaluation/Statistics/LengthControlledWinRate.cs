namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Length-controlled win rate after AlpacaEval 2 (Dubois et al. 2024). For model m against the baseline, over m's
/// comparisons with the baseline, fit the logistic GLM
/// <code>logit P(m ≻ baseline | q) = θ + φ·tanh(Δ_q / σ) + ψ·γ_q</code>
/// where Δ_q is m's answer length minus the baseline's, σ the sample standard deviation (n − 1) of Δ over those
/// comparisons, and γ_q the query's difficulty: γ_q = logit((L + ½) / (N + 1)), L the baseline's wins (ties ½) in the N
/// comparisons of the OTHER models against the baseline on q (leaving m out keeps m's own outcome out of its covariate).
/// The length-controlled win rate is 100 × the mean over m's distinct queries of sigmoid(θ + ψ·γ_q): the predicted win
/// rate with the length difference set to zero. A feature that does not vary is left out of the fit.
/// </summary>
public static class LengthControlledWinRate
{
    public static IReadOnlyList<LengthControlledResult> ComputeAll(IReadOnlyList<BaselineComparison> comparisons) =>
        comparisons.Select(c => c.Model).Distinct().Order(StringComparer.Ordinal).Select(m => Compute(comparisons, m)).ToArray();

    public static LengthControlledResult Compute(IReadOnlyList<BaselineComparison> comparisons, string model)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var rows = comparisons.Where(c => c.Model == model).ToArray();
        if (rows.Length == 0) throw new ArgumentException($"model '{model}' has no comparisons with the baseline", nameof(model));

        // Baseline wins and comparison counts per query from every other model.
        var others = new Dictionary<string, (double Lost, int N)>(StringComparer.Ordinal);
        foreach (var c in comparisons)
        {
            if (c.Model == model) continue;
            var cur = others.GetValueOrDefault(c.QueryId);
            others[c.QueryId] = (cur.Lost + (1 - c.Preference), cur.N + 1);
        }
        var gamma = rows.Select(r =>
        {
            var (lost, n) = others.GetValueOrDefault(r.QueryId);
            var p = (lost + 0.5) / (n + 1.0);
            return Math.Log(p / (1 - p));
        }).ToArray();

        var mean = rows.Average(r => r.LengthDifference);
        var sigma = rows.Length < 2 ? 0 : Math.Sqrt(rows.Sum(r => (r.LengthDifference - mean) * (r.LengthDifference - mean)) / (rows.Length - 1));
        var useLength = sigma > 0;
        var useDifficulty = gamma.Distinct().Skip(1).Any();

        var x = new double[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            var features = new List<double>(3) { 1 };
            if (useLength) features.Add(Math.Tanh(rows[i].LengthDifference / sigma));
            if (useDifficulty) features.Add(gamma[i]);
            x[i] = features.ToArray();
        }
        var fit = LogisticRegression.Fit(x, rows.Select(r => r.Preference).ToArray());
        var theta = fit.Coefficients[0];
        var phi = useLength ? fit.Coefficients[1] : double.NaN;
        var psi = useDifficulty ? fit.Coefficients[^1] : double.NaN;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        double sum = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (!seen.Add(rows[i].QueryId)) continue;
            sum += LogisticRegression.Sigmoid(theta + (useDifficulty ? psi * gamma[i] : 0));
        }
        return new LengthControlledResult(model, rows.Length, 100 * rows.Average(r => r.Preference), 100 * sum / seen.Count,
            theta, phi, psi, sigma, fit.Converged);
    }
}
