using System.Text.Json;
using Inkstone.Text.Diversity;

namespace Inkstone.IntegrationTests.Text;

/// <summary>
/// TTR, MATTR and MTLD against an independent Python implementation written from the definitions (naive window
/// sets for MATTR; MTLD by re-slicing segments), on seeded random token lists of many lengths and vocabulary sizes.
/// </summary>
public sealed class LexicalDiversityReferenceScriptTests
{
    private const string Script = """
        import json, sys

        def ttr(toks):
            return len(set(toks)) / len(toks) if toks else None

        def mattr(toks, w):
            if not toks:
                return None
            if len(toks) < w:
                return ttr(toks)
            ratios = [len(set(toks[i:i + w])) / w for i in range(len(toks) - w + 1)]
            return sum(ratios) / len(ratios)

        def mtld_pass(toks, thr):
            factors, start = 0.0, 0
            for end in range(1, len(toks) + 1):
                seg = toks[start:end]
                if len(set(seg)) / len(seg) <= thr:
                    factors += 1
                    start = end
            rest = toks[start:]
            if rest:
                factors += (1 - len(set(rest)) / len(rest)) / (1 - thr)
            return factors

        def mtld(toks, thr):
            if not toks:
                return None
            f, b = mtld_pass(toks, thr), mtld_pass(toks[::-1], thr)
            if f == 0 or b == 0:
                return None
            return (len(toks) / f + len(toks) / b) / 2

        data = json.load(sys.stdin)
        out = [{"ttr": ttr(t), "mattr": mattr(t, data["window"]), "mtld": mtld(t, data["threshold"])} for t in data["lists"]]
        print(json.dumps(out))
        """;

    [Theory]
    [InlineData(50, 0.72)]
    [InlineData(10, 0.72)]
    [InlineData(25, 0.5)]
    public void Measures_RandomTokenLists_MatchReferenceScript(int window, double threshold)
    {
        ReferenceScript.RequirePython("json");
        var random = new Random(20240611 + window);
        var lists = new List<string[]>();
        for (var i = 0; i < 120; i++)
        {
            var length = i switch { 0 => 0, 1 => 1, 2 => window - 1, 3 => window, _ => random.Next(2, 400) };
            var vocabulary = random.Next(1, 80);
            // Zipf-like draws so that texts mix frequent and rare tokens, as real text does.
            lists.Add(Enumerable.Range(0, length).Select(_ => "w" + (int)Math.Floor(vocabulary * Math.Pow(random.NextDouble(), 2))).ToArray());
        }
        lists.Add(["a", "b", "c", "d"]); // every token distinct: MTLD undefined

        var json = ReferenceScript.Evaluate(Script, JsonSerializer.Serialize(new { lists, window, threshold }));
        var expected = JsonSerializer.Deserialize<List<Dictionary<string, double?>>>(json)!;
        Assert.Equal(lists.Count, expected.Count);
        for (var i = 0; i < lists.Count; i++)
        {
            AssertClose(expected[i]["ttr"], LexicalDiversity.Ttr(lists[i]), i, "TTR");
            AssertClose(expected[i]["mattr"], LexicalDiversity.Mattr(lists[i], window), i, "MATTR");
            AssertClose(expected[i]["mtld"], LexicalDiversity.Mtld(lists[i], threshold), i, "MTLD");
        }
    }

    private static void AssertClose(double? expected, double? actual, int index, string measure)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"list {index}: {measure} expected undefined, got {actual}");
            return;
        }
        Assert.True(actual is not null, $"list {index}: {measure} expected {expected}, got undefined");
        Assert.True(Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)),
            $"list {index}: {measure} expected {expected}, got {actual}");
    }
}
