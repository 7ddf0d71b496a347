using System.Text.Json;
using Inkstone.Text.Distributions;

namespace Inkstone.IntegrationTests.Text;

/// <summary>Box-plot statistics against numpy's default percentiles and matplotlib's own <c>cbook.boxplot_stats</c>.</summary>
public sealed class DistributionSummaryNumpyReferenceTests
{
    private const string Script = """
        import json, sys
        import numpy as np
        from matplotlib import cbook

        out = []
        for values in json.load(sys.stdin):
            x = np.asarray(values, dtype=float)
            q1, med, q3 = np.percentile(x, [25, 50, 75])
            s = cbook.boxplot_stats(x, whis=1.5)[0]
            out.append({"mean": float(np.mean(x)), "q1": float(q1), "median": float(med), "q3": float(q3),
                        "iqr": float(s["iqr"]), "whislo": float(s["whislo"]), "whishi": float(s["whishi"]),
                        "fliers": sorted(float(v) for v in s["fliers"])})
        print(json.dumps(out))
        """;

    [Fact]
    public void Of_RandomSamples_MatchesNumpyAndMatplotlib()
    {
        ReferenceScript.RequirePython("numpy", "matplotlib");
        var random = new Random(7);
        var samples = new List<double[]>();
        for (var i = 0; i < 80; i++)
        {
            var n = i < 5 ? i + 1 : random.Next(2, 300);
            // Heavy-tailed lengths (like text lengths) with ties from rounding, so outliers and equal values occur.
            samples.Add(Enumerable.Range(0, n).Select(_ => Math.Round(Math.Exp(random.NextDouble() * 4 + (random.NextDouble() < 0.05 ? 3 : 0)), i % 3)).ToArray());
        }
        samples.Add([0, 10, 10, 10, 10, 10, 20]);

        var expected = JsonSerializer.Deserialize<List<JsonElement>>(ReferenceScript.Evaluate(Script, JsonSerializer.Serialize(samples)))!;
        for (var i = 0; i < samples.Count; i++)
        {
            var s = DistributionSummary.Of(samples[i])!;
            var e = expected[i];
            void Close(string name, double actual) =>
                Assert.True(Math.Abs(e.GetProperty(name).GetDouble() - actual) <= 1e-9 * Math.Max(1, Math.Abs(actual)), $"sample {i}: {name} {e.GetProperty(name)} ≠ {actual}");
            Close("mean", s.Mean);
            Close("q1", s.Q1);
            Close("median", s.Median);
            Close("q3", s.Q3);
            Close("iqr", s.Iqr);
            Close("whislo", s.LowerWhisker);
            Close("whishi", s.UpperWhisker);
            Assert.Equal(e.GetProperty("fliers").EnumerateArray().Select(v => v.GetDouble()).ToArray(), s.Outliers.ToArray());
        }
    }
}
