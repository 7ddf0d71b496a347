using Inkstone.Evaluation.Statistics;
using Inkstone.Text.Distributions;

namespace Inkstone.IntegrationTests.Evaluation;

/// <summary>Every statistic against scipy / statsmodels computed at test time on seeded random data.</summary>
public sealed class StatisticsReferenceTests
{
    [Fact]
    public void BinomialTest_MatchesScipyBinomtest()
    {
        var random = new Random(1);
        var cases = new List<(int K, int N, double P)>();
        for (var i = 0; i < 300; i++)
        {
            var n = random.Next(0, 700);
            var p = i % 3 == 0 ? 0.5 : Math.Round(random.NextDouble(), 3);
            cases.Add((n == 0 ? 0 : random.Next(0, n + 1), n, p));
        }
        var reference = PythonReference.Run("""
            import json, sys
            from scipy.stats import binomtest
            cases = json.load(sys.stdin)
            print(json.dumps([binomtest(k, n, p).pvalue if n > 0 else 1.0 for k, n, p in cases]))
            """, cases.Select(c => new object[] { c.K, c.N, c.P }));
        for (var i = 0; i < cases.Count; i++)
        {
            var expected = reference[i]!.GetValue<double>();
            var actual = BinomialTest.TwoSidedPValue(cases[i].K, cases[i].N, cases[i].P);
            // scipy's own error grows for p-values near the bottom of the double range (checked with mpmath at 40 digits:
            // binomtest(13, 488, 0.784) is 3.80259335291979e-293, scipy says 3.8025910e-293), so far tails get a looser bound.
            var tolerance = expected > 1e-200 ? 1e-9 : 1e-5;
            Assert.True(Math.Abs(actual - expected) <= (tolerance * expected) + 1e-300, $"binomtest{cases[i]}: {actual:R} vs scipy {expected:R}");
        }
    }

    [Fact]
    public void WilsonInterval_MatchesStatsmodels()
    {
        var random = new Random(2);
        var cases = Enumerable.Range(0, 200).Select(_ =>
        {
            var n = random.Next(1, 500);
            return (S: random.Next(0, (2 * n) + 1) / 2.0, N: n);
        }).ToList();
        var reference = PythonReference.Run("""
            import json, sys
            from statsmodels.stats.proportion import proportion_confint
            print(json.dumps([list(proportion_confint(s, n, alpha=0.05, method="wilson")) for s, n in json.load(sys.stdin)]))
            """, cases.Select(c => new object[] { c.S, c.N }));
        for (var i = 0; i < cases.Count; i++)
        {
            var w = WilsonInterval.Compute(cases[i].S, cases[i].N);
            Assert.Equal(reference[i]![0]!.GetValue<double>(), w.Lower, 10);
            Assert.Equal(reference[i]![1]!.GetValue<double>(), w.Upper, 10);
        }
    }

    [Fact]
    public void CohenAndFleissKappa_MatchStatsmodels()
    {
        var random = new Random(3);
        // Four annotators, 3 verdict categories, correlated through a per-item tendency.
        var values = new List<RaterValue>();
        for (var item = 0; item < 150; item++)
        {
            var tendency = random.Next(3);
            for (var r = 0; r < 4; r++)
                values.Add(new($"i{item}", $"r{r}", random.NextDouble() < 0.6 ? tendency : random.Next(3)));
        }
        var reference = PythonReference.Run("""
            import json, sys
            import numpy as np
            from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa
            rows = json.load(sys.stdin)
            items = sorted({i for i, _, _ in rows}); raters = sorted({r for _, r, _ in rows})
            grid = {(i, r): v for i, r, v in rows}
            out = {"cohen": {}, "fleiss": None}
            for a in range(len(raters)):
                for b in range(a + 1, len(raters)):
                    t = np.zeros((3, 3))
                    for i in items: t[grid[(i, raters[a])], grid[(i, raters[b])]] += 1
                    out["cohen"][raters[a] + "|" + raters[b]] = cohens_kappa(t).kappa
            table = np.zeros((len(items), 3))
            for k, i in enumerate(items):
                for r in raters: table[k, grid[(i, r)]] += 1
            out["fleiss"] = fleiss_kappa(table)
            print(json.dumps(out))
            """, values.Select(v => new object[] { v.Item, v.Rater, v.Value }));
        var pairs = CohenKappa.PerPair(values);
        Assert.Equal(6, pairs.Count);
        foreach (var (a, b, kappa) in pairs)
            Assert.Equal(reference["cohen"]![$"{a}|{b}"]!.GetValue<double>(), kappa.Value, 10);
        Assert.Equal(reference["fleiss"]!.GetValue<double>(), FleissKappa.Compute(values).Value, 10);
    }

    [Theory]
    [InlineData(KrippendorffMetric.Nominal)]
    [InlineData(KrippendorffMetric.Ordinal)]
    public void KrippendorffAlpha_MatchesPairwiseDisagreementDefinition(KrippendorffMetric metric)
    {
        // Reference: α = 1 − D_o/D_e written over pairs of values (not via the coincidence matrix), ordinal distances
        // from the rank-sum definition, with missing values.
        var random = new Random(4);
        var values = new List<RaterValue>();
        for (var item = 0; item < 120; item++)
        {
            var centre = random.Next(4);
            for (var r = 0; r < 4; r++)
                if (random.NextDouble() < 0.8) values.Add(new($"i{item}", $"r{r}", Math.Clamp(centre + random.Next(-1, 2), 0, 3)));
        }
        var reference = PythonReference.Run("""
            import json, sys
            from collections import defaultdict
            data = json.load(sys.stdin)
            units = defaultdict(list)
            for i, _, v in data["rows"]: units[i].append(v)
            units = [u for u in units.values() if len(u) >= 2]
            pooled = [v for u in units for v in u]
            n = len(pooled)
            freq = defaultdict(int)
            for v in pooled: freq[v] += 1
            cats = sorted(freq)
            def delta(c, k):
                if data["metric"] == "Nominal": return 0.0 if c == k else 1.0
                lo, hi = min(c, k), max(c, k)
                s = sum(freq[g] for g in cats if lo <= g <= hi) - (freq[c] + freq[k]) / 2.0
                return s * s
            do = sum(delta(u[a], u[b]) / (len(u) - 1) for u in units for a in range(len(u)) for b in range(len(u)) if a != b) / n
            de = sum(delta(pooled[a], pooled[b]) for a in range(n) for b in range(n) if a != b) / (n * (n - 1))
            print(json.dumps(1 - do / de))
            """, new { metric = metric.ToString(), rows = values.Select(v => new object[] { v.Item, v.Rater, v.Value }) });
        Assert.Equal(reference.GetValue<double>(), KrippendorffAlpha.Compute(values, metric).Value, 10);
    }

    [Fact]
    public void BradleyTerry_MatchesStatsmodelsLogitOnDesignMatrix()
    {
        var random = new Random(5);
        string[] models = ["A", "B", "C", "D"];
        double[] truth = [0, 0.4, -0.3, 0.9];
        var outcomes = new List<PairwiseOutcome>();
        for (var q = 0; q < 300; q++)
        {
            int i = random.Next(4), j = (i + 1 + random.Next(3)) % 4;
            var p = 1 / (1 + Math.Exp(truth[j] - truth[i]));
            var u = random.NextDouble();
            var verdict = u < 0.1 ? Verdict.Tie : random.NextDouble() < p ? Verdict.A : Verdict.B;
            outcomes.Add(new($"q{q}", models[i], models[j], "h", verdict));
        }
        var reference = PythonReference.Run("""
            import json, sys
            import numpy as np
            import statsmodels.api as sm
            data = json.load(sys.stdin)
            models = data["models"]
            X = np.zeros((len(data["rows"]), len(models) - 1)); y = np.zeros(len(data["rows"]))
            for r, (a, b, v) in enumerate(data["rows"]):
                ia, ib = models.index(a), models.index(b)
                if ia > 0: X[r, ia - 1] = 1
                if ib > 0: X[r, ib - 1] = -1
                y[r] = {"A": 1.0, "B": 0.0, "Tie": 0.5}[v]
            fit = sm.Logit(y, X).fit(disp=0, method="newton", tol=1e-12, maxiter=200)
            print(json.dumps([0.0] + list(fit.params)))
            """, new { models, rows = outcomes.Select(o => new[] { o.ModelA, o.ModelB, o.Verdict.ToString() }) });
        var fit = BradleyTerry.Fit(outcomes, new BradleyTerryOptions { Anchor = "A", AnchorRating = 0, Resamples = 0 }, models);
        for (var i = 0; i < models.Length; i++)
        {
            var expected = 400 / Math.Log(10) * reference[i]!.GetValue<double>();
            Assert.Equal(expected, fit.Ratings[i].Rating, 6);
        }
    }

    [Fact]
    public void LengthControlledWinRate_MatchesStatsmodelsLogit()
    {
        var random = new Random(6);
        var rows = new List<BaselineComparison>();
        string[] models = ["M1", "M2", "M3"];
        for (var q = 0; q < 80; q++)
        {
            var hardness = random.NextDouble() * 2 - 1;
            foreach (var (m, k) in models.Select((m, k) => (m, k)))
            {
                var delta = (random.NextDouble() - 0.4) * 600;
                var p = 1 / (1 + Math.Exp(-((0.3 * k) - 0.2 + (1.2 * Math.Tanh(delta / 250)) - hardness)));
                var u = random.NextDouble();
                rows.Add(new($"q{q}", m, u < 0.08 ? 0.5 : random.NextDouble() < p ? 1 : 0, Math.Round(delta)));
            }
        }
        var reference = PythonReference.Run("""
            import json, sys, math
            import numpy as np
            import statsmodels.api as sm
            rows = json.load(sys.stdin)
            out = {}
            for m in sorted({r[1] for r in rows}):
                mine = [r for r in rows if r[1] == m]
                others = {}
                for q, mm, pref, d in rows:
                    if mm == m: continue
                    lost, n = others.get(q, (0.0, 0))
                    others[q] = (lost + 1 - pref, n + 1)
                def gamma(q):
                    lost, n = others.get(q, (0.0, 0)); p = (lost + 0.5) / (n + 1)
                    return math.log(p / (1 - p))
                d = np.array([r[3] for r in mine]); sd = d.std(ddof=1)
                X = np.column_stack([np.ones(len(mine)), np.tanh(d / sd), [gamma(r[0]) for r in mine]])
                y = np.array([r[2] for r in mine])
                fit = sm.Logit(y, X).fit(disp=0, method="newton", tol=1e-12, maxiter=200)
                th, ph, ps = fit.params
                seen = {}
                for r in mine: seen.setdefault(r[0], gamma(r[0]))
                lc = 100 * np.mean([1 / (1 + math.exp(-(th + ps * g))) for g in seen.values()])
                out[m] = {"theta": th, "phi": ph, "psi": ps, "lc": lc, "raw": 100 * y.mean()}
            print(json.dumps(out))
            """, rows.Select(r => new object[] { r.QueryId, r.Model, r.Preference, r.LengthDifference }));
        foreach (var result in LengthControlledWinRate.ComputeAll(rows))
        {
            var e = reference[result.Model]!;
            Assert.Equal(e["theta"]!.GetValue<double>(), result.Theta, 6);
            Assert.Equal(e["phi"]!.GetValue<double>(), result.LengthCoefficient, 6);
            Assert.Equal(e["psi"]!.GetValue<double>(), result.DifficultyCoefficient, 6);
            Assert.Equal(e["lc"]!.GetValue<double>(), result.LengthControlledWinRate, 6);
            Assert.Equal(e["raw"]!.GetValue<double>(), result.WinRate, 9);
        }
    }

    [Fact]
    public void DistributionSummary_MatchesNumpyQuantiles()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, random.Next(1, 60)).Select(_ => Math.Round(random.NextDouble() * 3000)).ToArray()).ToList();
        var reference = PythonReference.Run("""
            import json, sys
            import numpy as np
            out = []
            for xs in json.load(sys.stdin):
                a = np.array(xs, dtype=float)
                q1, med, q3 = np.quantile(a, [0.25, 0.5, 0.75])
                lo, hi = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
                inside = a[(a >= lo) & (a <= hi)]
                # as matplotlib's boxplot_stats: a whisker never ends inside the box
                wlo = q1 if len(inside) == 0 or inside.min() > q1 else inside.min()
                whi = q3 if len(inside) == 0 or inside.max() < q3 else inside.max()
                out.append([a.mean(), q1, med, q3, wlo, whi, int(len(a) - len(inside))])
            print(json.dumps(out))
            """, samples);
        for (var i = 0; i < samples.Count; i++)
        {
            var b = DistributionSummary.Of(samples[i])!;
            var e = reference[i]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            Assert.Equal(e[0], b.Mean, 9);
            Assert.Equal(e[1], b.Q1, 9);
            Assert.Equal(e[2], b.Median, 9);
            Assert.Equal(e[3], b.Q3, 9);
            Assert.Equal(e[4], b.LowerWhisker, 9);
            Assert.Equal(e[5], b.UpperWhisker, 9);
            Assert.Equal((int)e[6], b.Outliers.Count);
        }
    }
}
