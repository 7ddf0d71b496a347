using Inkstone.Text.Distributions;

namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Bradley–Terry model P(i beats j) = πᵢ / (πᵢ + πⱼ), fitted by maximum likelihood with Hunter's (2004) MM algorithm;
/// a tie counts as half a win for each side. Intervals come from a seeded bootstrap that resamples queries with
/// replacement (all comparisons of a drawn query go together) and takes percentiles (numpy's linear definition).
/// </summary>
public static class BradleyTerry
{
    public static BradleyTerryResult Fit(IReadOnlyList<PairwiseOutcome> outcomes, BradleyTerryOptions? options = null, IEnumerable<string>? models = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        options ??= new BradleyTerryOptions();
        var order = new List<string>((models ?? []).Distinct(StringComparer.Ordinal));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in order) index.TryAdd(name, index.Count);
        foreach (var o in outcomes)
        {
            if (index.TryAdd(o.ModelA, order.Count)) order.Add(o.ModelA);
            if (index.TryAdd(o.ModelB, order.Count)) order.Add(o.ModelB);
        }
        var m = order.Count;
        if (m < 2) throw new ArgumentException("Bradley–Terry needs comparisons between at least two models", nameof(outcomes));
        if (options.Anchor is not null && !index.ContainsKey(options.Anchor))
            throw new ArgumentException($"anchor model '{options.Anchor}' has no comparisons", nameof(options));

        // Per query: flattened (i, j, wins of i over j with ties as ½, comparisons) so that a resample only adds numbers.
        var queryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var perQuery = new List<Dictionary<(int, int), (double W, double N)>>();
        foreach (var o in outcomes)
        {
            if (!queryIds.TryGetValue(o.QueryId, out var q)) { q = perQuery.Count; queryIds[o.QueryId] = q; perQuery.Add([]); }
            int a = index[o.ModelA], b = index[o.ModelB];
            var win = o.Verdict switch { Verdict.A => 1.0, Verdict.B => 0.0, _ => 0.5 };
            var key = a < b ? (a, b) : (b, a);
            var w = a < b ? win : 1 - win;
            perQuery[q][key] = perQuery[q].TryGetValue(key, out var cur) ? (cur.W + w, cur.N + 1) : (w, 1);
        }
        var flat = perQuery.Select(d => d.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value.W, kv.Value.N)).ToArray()).ToArray();

        var wins = new double[m, m];
        var n = new double[m, m];
        foreach (var q in flat) Accumulate(q, wins, n);
        var strength = new double[m];
        if (!TryFit(wins, n, strength, options, out var iterations))
            throw new InvalidOperationException(iterations > options.MaxIterations
                ? $"Bradley–Terry did not converge in {options.MaxIterations} iterations"
                : "Bradley–Terry has no finite fit: some group of models never wins (or never loses) against the rest; add comparisons or leave those models out");
        var ratings = ToRatings(strength, options, index);

        var lower = Enumerable.Repeat(double.NaN, m).ToArray();
        var upper = Enumerable.Repeat(double.NaN, m).ToArray();
        var degenerate = 0;
        if (options.Resamples > 0)
        {
            var random = new Random(options.Seed);
            var samples = new List<double[]>(options.Resamples);
            var s = new double[m];
            for (var r = 0; r < options.Resamples; r++)
            {
                Array.Clear(wins);
                Array.Clear(n);
                for (var k = 0; k < flat.Length; k++) Accumulate(flat[random.Next(flat.Length)], wins, n);
                if (!TryFit(wins, n, s, options, out _)) { degenerate++; continue; }
                samples.Add(ToRatings(s, options, index));
            }
            var tail = (1 - options.ConfidenceLevel) / 2;
            var column = new double[samples.Count];
            for (var i = 0; i < m && samples.Count > 0; i++)
            {
                for (var k = 0; k < samples.Count; k++) column[k] = samples[k][i];
                Array.Sort(column);
                lower[i] = LinearQuantile.Of(column, tail);
                upper[i] = LinearQuantile.Of(column, 1 - tail);
            }
        }

        var result = order.Select((model, i) => new BradleyTerryRating(model, ratings[i], strength[i], lower[i], upper[i])).ToArray();
        return new BradleyTerryResult(result, iterations, options.Resamples, degenerate);
    }

    private static void Accumulate((int I, int J, double W, double N)[] query, double[,] wins, double[,] n)
    {
        foreach (var (i, j, w, c) in query)
        {
            wins[i, j] += w;
            wins[j, i] += c - w;
            n[i, j] += c;
            n[j, i] += c;
        }
    }

    /// <summary>MM iterations πᵢ ← Wᵢ / Σⱼ nᵢⱼ/(πᵢ+πⱼ), renormalised to geometric mean 1, until the largest change in log π is below tolerance.</summary>
    private static bool TryFit(double[,] wins, double[,] n, double[] strength, BradleyTerryOptions options, out int iterations)
    {
        var m = strength.Length;
        iterations = 0;
        if (!StronglyConnected(wins, m)) return false;
        var total = new double[m];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++) total[i] += wins[i, j];
        Array.Fill(strength, 1.0);
        var next = new double[m];
        while (iterations++ < options.MaxIterations)
        {
            for (var i = 0; i < m; i++)
            {
                double denominator = 0;
                for (var j = 0; j < m; j++)
                    if (j != i && n[i, j] > 0) denominator += n[i, j] / (strength[i] + strength[j]);
                next[i] = total[i] / denominator;
            }
            double logMean = 0;
            for (var i = 0; i < m; i++) logMean += Math.Log(next[i]);
            var scale = Math.Exp(logMean / m);
            double change = 0;
            for (var i = 0; i < m; i++)
            {
                var v = next[i] / scale;
                change = Math.Max(change, Math.Abs(Math.Log(v / strength[i])));
                strength[i] = v;
            }
            if (change < options.Tolerance) return true;
        }
        return false; // not converged within MaxIterations: reported like a fit that does not exist rather than a half-finished one
    }

    /// <summary>A finite maximum-likelihood fit exists iff every model can reach every other along "has beaten" edges.</summary>
    private static bool StronglyConnected(double[,] wins, int m)
    {
        return Reaches(forward: true) && Reaches(forward: false);

        bool Reaches(bool forward)
        {
            var seen = new bool[m];
            var stack = new Stack<int>();
            stack.Push(0);
            seen[0] = true;
            var count = 1;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                for (var j = 0; j < m; j++)
                {
                    if (seen[j] || (forward ? wins[i, j] : wins[j, i]) <= 0) continue;
                    seen[j] = true;
                    count++;
                    stack.Push(j);
                }
            }
            return count == m;
        }
    }

    private static double[] ToRatings(double[] strength, BradleyTerryOptions options, Dictionary<string, int> index)
    {
        var r = strength.Select(s => 400 * Math.Log10(s)).ToArray();
        var shift = options.Anchor is null ? options.AnchorRating - r.Average() : options.AnchorRating - r[index[options.Anchor]];
        for (var i = 0; i < r.Length; i++) r[i] += shift;
        return r;
    }
}
