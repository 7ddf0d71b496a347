using System.Diagnostics;
using System.Globalization;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Reports;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Bench;

/// <summary>
/// eval-stats: the full statistics of an evaluation report (win-rate matrix with sign tests and Wilson intervals,
/// Bradley–Terry with bootstrap, length-controlled win rates, per-genre win rates, Cohen/Fleiss/Krippendorff) on
/// synthetic rankings of 5 models × 600 queries × 4 annotators (24,000 pairwise verdicts). Target: under 2 s.
/// </summary>
internal static class EvalStatsBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var queries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
        var resamples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        string[] models = ["M_CW", "M_CW+1k", "M_CW+5k", "M_CW+10k", "M_G"];
        double[] strength = [-0.6, -0.3, 0.0, 0.4, 0.1];
        var random = new Random(42);
        var set = new JudgmentSet();
        var qs = new List<BenchmarkQuery>();
        var gens = new List<GenerationRecord>();
        var genres = Taxonomy.GenreTaxonomy.Default.Genres;
        for (var q = 0; q < queries; q++)
        {
            var id = $"q{q:D4}";
            qs.Add(new BenchmarkQuery(id, q % 3 == 0 ? "en" : "zh", genres[q % genres.Count].Id, "task", new QueryConstraints()));
            var lengths = models.Select(_ => 600 + random.Next(800)).ToArray();
            for (var m = 0; m < models.Length; m++)
                gens.Add(new GenerationRecord(id, models[m], 0, new string('字', lengths[m]), null, null, null, 0, null, null, DateTimeOffset.UnixEpoch));
            for (var a = 0; a < 4; a++)
            {
                // Each annotator ranks the five answers by strength + length effect + noise.
                var score = models.Select((_, m) => strength[m] + (0.0004 * lengths[m]) + Gumbel(random)).ToArray();
                var ranks = Enumerable.Range(0, models.Length).OrderByDescending(m => score[m]).Select((m, r) => (models[m], r + 1)).ToList();
                set.Pairwise.AddRange(RankingExpansion.Expand(id, $"a{a}", JudgeKind.Human, ranks, "bench"));
            }
        }

        var options = new EvaluationReportOptions { Models = models, Baseline = "M_G", BradleyTerry = new BradleyTerryOptions { Resamples = resamples } };
        Console.WriteLine($"eval-stats: {models.Length} models × {queries} queries × 4 annotators = {set.Pairwise.Count:N0} verdicts, {resamples} bootstrap resamples, {Environment.ProcessorCount} cores");
        var times = new List<double>();
        EvaluationReport? report = null;
        for (var run = 0; run < 5; run++)
        {
            var sw = Stopwatch.StartNew();
            report = EvaluationReportBuilder.Build(set, qs, gens, options);
            sw.Stop();
            times.Add(sw.Elapsed.TotalMilliseconds);
            Console.WriteLine(FormattableString.Invariant($"  run {run + 1}: {sw.Elapsed.TotalMilliseconds:F0} ms{(run == 0 ? " (includes JIT)" : "")}"));
        }
        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine(FormattableString.Invariant($"  median of warm runs: {warm[warm.Count / 2]:F0} ms; target < 2000 ms: {(warm[warm.Count / 2] < 2000 ? "met" : "NOT met")}"));
        foreach (var lang in report!.Languages)
            Console.WriteLine($"  {lang.Language}: BT top {lang.BradleyTerry!.Ratings.MaxBy(r => r.Rating)!.Model}, LC of M_CW+10k vs M_G "
                + FormattableString.Invariant($"{lang.LengthControlled.First(r => r.Model == "M_CW+10k").LengthControlledWinRate:F2} % (raw {lang.LengthControlled.First(r => r.Model == "M_CW+10k").WinRate:F2} %)"));
        Console.WriteLine(FormattableString.Invariant($"  Fleiss' κ {report.Agreement.Fleiss.Value:F3}, Krippendorff's α {report.Agreement.KrippendorffNominal.Value:F3}"));
        return Task.FromResult(0);
    }

    private static double Gumbel(Random random) => -Math.Log(-Math.Log(random.NextDouble() * 0.999999 + 1e-7));
}
