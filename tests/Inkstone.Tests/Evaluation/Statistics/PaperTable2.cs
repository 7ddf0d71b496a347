using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Statistics;

/// <summary>The paper's Table 2 (win rate of row vs column, %), and verdicts constructed to give exactly those counts.</summary>
internal static class PaperTable2
{
    public static readonly string[] Models = ["M_CW", "M_CW+1k", "M_CW+5k", "M_CW+10k", "M_G"];

    public static readonly double?[,] Chinese =
    {
        { null, 39.22, 32.35, 25.98, 35.78 },
        { 60.78, null, 39.71, 32.35, 42.16 },
        { 67.65, 60.29, null, 41.67, 50.00 },
        { 74.02, 67.65, 58.33, null, 62.75 },
        { 64.22, 57.84, 50.00, 37.25, null },
    };

    public static readonly double?[,] English =
    {
        { null, 38.53, 27.20, 24.08, 23.51 },
        { 61.47, null, 35.41, 32.29, 30.03 },
        { 72.80, 64.59, null, 49.29, 42.21 },
        { 75.92, 67.71, 50.71, null, 46.46 },
        { 76.49, 69.97, 57.79, 53.54, null },
    };

    /// <summary>
    /// For each pair above the diagonal: the number of half-points 2·wins + ties that gives the percentage over
    /// <paramref name="perPair"/> comparisons; <paramref name="ties"/> comparisons become ties (2 ties replace a win and a loss).
    /// </summary>
    public static List<PairwiseOutcome> Verdicts(double?[,] table, int perPair, int ties)
    {
        var list = new List<PairwiseOutcome>();
        for (var i = 0; i < Models.Length; i++)
            for (var j = i + 1; j < Models.Length; j++)
            {
                var halfPoints = (int)Math.Round(table[i, j]!.Value * 2 * perPair / 100);
                var t = (halfPoints % 2) + ties;
                var w = (halfPoints - t) / 2;
                var l = perPair - w - t;
                var q = 0;
                // alternate presentation order so that orientation handling is exercised
                for (var k = 0; k < w; k++, q++) list.Add(k % 2 == 0 ? new($"q{q}", Models[i], Models[j], "h", Verdict.A) : new($"q{q}", Models[j], Models[i], "h", Verdict.B));
                for (var k = 0; k < l; k++, q++) list.Add(k % 2 == 0 ? new($"q{q}", Models[i], Models[j], "h", Verdict.B) : new($"q{q}", Models[j], Models[i], "h", Verdict.A));
                for (var k = 0; k < t; k++, q++) list.Add(new($"q{q}", Models[i], Models[j], "h", Verdict.Tie));
            }
        return list;
    }
}
