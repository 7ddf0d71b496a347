using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Inkstone.Text.Diversity;
using Inkstone.Text.Lengths;
using Inkstone.Text.NearDuplicates;

namespace Inkstone.Bench;

/// <summary>
/// Throughput of the text metrics on a seeded synthetic corpus (Chinese-like texts of ~2,000 characters, the
/// paper's mean answer length): lengths, MATTR + MTLD over pre-split tokens, MinHash signatures + LSH.
/// Peer, in the same run when /usr/bin/python3 with numpy is there: plain Python MATTR/MTLD over the same tokens
/// and a numpy MinHash in datasketch's style ((a·h + b) mod (2⁶¹ − 1) over 128 permutations) over the same shingles.
/// Usage: text-metrics [texts (default 2000)]
/// </summary>
public static class TextMetricsBenchmark
{
    private const string PythonPeer = """
        import json, sys, time
        from collections import Counter
        import numpy as np

        data = json.load(sys.stdin)
        lists, texts = data["tokens"], data["texts"]

        def mattr(t, w=50):
            if len(t) < w:
                return len(set(t)) / len(t)
            c = Counter(t[:w]); s = len(c)
            for i in range(w, len(t)):
                c[t[i]] += 1; old = t[i - w]; c[old] -= 1
                if c[old] == 0: del c[old]
                s += len(c)
            return s / (len(t) - w + 1) / w

        def mtld_pass(t, thr=0.72):
            f, types, n = 0.0, set(), 0
            for x in t:
                types.add(x); n += 1
                if len(types) / n <= thr:
                    f += 1; types = set(); n = 0
            if n: f += (1 - len(types) / n) / (1 - thr)
            return f

        start = time.perf_counter()
        for t in lists:
            mattr(t); mtld_pass(t); mtld_pass(t[::-1])
        diversity = time.perf_counter() - start

        prime, maxh = np.uint64((1 << 61) - 1), np.uint64((1 << 32) - 1)
        rng = np.random.RandomState(1)
        a = rng.randint(1, (1 << 32) - 1, size=128, dtype=np.uint64); b = rng.randint(0, (1 << 32) - 1, size=128, dtype=np.uint64)
        start = time.perf_counter()
        for text in texts:
            sh = {hash(text[i:i + 5]) & 0xFFFFFFFF for i in range(max(1, len(text) - 4))}
            hv = np.fromiter(sh, dtype=np.uint64, count=len(sh))
            phv = ((np.outer(hv, a) + b) % prime) & maxh
            phv.min(axis=0)
        minhash = time.perf_counter() - start
        print(json.dumps({"diversity": diversity, "minhash": minhash}))
        """;

    public static Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var random = new Random(42);
        // A Zipf-like draw over 3,000 "words" of 1–3 Han characters gives Chinese-like repetition.
        var vocabulary = Enumerable.Range(0, 3000).Select(i => new string(Enumerable.Range(0, 1 + i % 3).Select(_ => (char)(0x4E00 + random.Next(3000))).ToArray())).ToArray();
        var tokenLists = new List<string[]>();
        var texts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var tokens = Enumerable.Range(0, 1000).Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))]).ToArray();
            tokenLists.Add(tokens);
            texts.Add(string.Concat(tokens));
        }
        var characters = texts.Sum(t => (long)t.Length);
        var tokenCount = tokenLists.Sum(t => (long)t.Length);
        Console.WriteLine($"corpus: {count} texts, {characters:N0} characters, {tokenCount:N0} tokens");

        var measurer = new TextLengthMeasurer();
        var lengths = Time(() => { foreach (var t in texts) measurer.Measure(t); });
        var diversity = Time(() => { foreach (var t in tokenLists) { LexicalDiversity.Mattr(t); LexicalDiversity.Mtld(t); } });
        var minHash = Time(() =>
        {
            var hasher = new MinHasher();
            var index = new LshIndex(16, 8);
            for (var i = 0; i < texts.Count; i++) index.Add(i, hasher.Signature(texts[i])!);
        });
        Console.WriteLine($"lengths (code points, Han, English words): {characters / lengths / 1e6:F1} M chars/s");
        Console.WriteLine($"MATTR + MTLD:                               {tokenCount / diversity / 1e6:F2} M tokens/s");
        Console.WriteLine($"MinHash (128) + LSH (16 × 8):               {characters / minHash / 1e6:F2} M chars/s");

        var peer = RunPythonPeer(tokenLists, texts);
        if (peer is null)
        {
            Console.WriteLine("peer: /usr/bin/python3 with numpy not available");
            return Task.FromResult(0);
        }
        var (peerDiversity, peerMinHash) = peer.Value;
        Console.WriteLine($"peer Python MATTR + MTLD:                   {tokenCount / peerDiversity / 1e6:F2} M tokens/s  (Inkstone ×{peerDiversity / diversity:F1})");
        Console.WriteLine($"peer numpy MinHash (datasketch style):      {characters / peerMinHash / 1e6:F2} M chars/s  (Inkstone ×{peerMinHash / minHash:F1})");
        return Task.FromResult(0);
    }

    private static double Time(Action action)
    {
        action(); // warm-up (JIT)
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static (double Diversity, double MinHash)? RunPythonPeer(List<string[]> tokenLists, List<string> texts)
    {
        if (!File.Exists("/usr/bin/python3")) return null;
        var script = Path.Combine(Path.GetTempPath(), $"inkstone-bench-{Guid.NewGuid():N}.py");
        File.WriteAllText(script, PythonPeer);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3", [script]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardInput.Write(JsonSerializer.Serialize(new { tokens = tokenLists, texts }));
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0) return null;
            using var json = JsonDocument.Parse(output.Result);
            return (json.RootElement.GetProperty("diversity").GetDouble(), json.RootElement.GetProperty("minhash").GetDouble());
        }
        finally
        {
            File.Delete(script);
        }
    }
}
