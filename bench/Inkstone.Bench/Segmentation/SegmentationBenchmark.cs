using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Inkstone.Text.Segmentation;

namespace Inkstone.Bench.Segmentation;

/// <summary>
/// <c>segment</c>: Inkstone's jieba-compatible segmenter against Python jieba and @node-rs/jieba (jieba-rs) on the
/// same corpus, precise mode with HMM. Prints dictionary load time, code points per second (best of the passes),
/// ratios, multi-thread scaling, peak memory and each implementation's agreement with Python jieba by document.
/// </summary>
internal static class SegmentationBenchmark
{
    public const string Description = "jieba-compatible segmentation vs Python jieba and @node-rs/jieba (--corpus FILE --threads N --repeat R --skip-peers)";

    public static async Task<int> RunAsync(string[] args)
    {
        // Load first, in a fresh process: this is the cold dictionary load a CLI call pays.
        var process = Process.GetCurrentProcess();
        var loadCpu = process.TotalProcessorTime;
        var load = Stopwatch.StartNew();
        var segmenter = JiebaSegmenter.Default;
        load.Stop();
        process.Refresh();
        loadCpu = process.TotalProcessorTime - loadCpu;
        var segmenterBytes = GC.GetTotalMemory(forceFullCollection: true);

        string? corpusPath = null;
        var threads = Environment.ProcessorCount;
        var repeat = 3;
        var skipPeers = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus": corpusPath = args[++i]; break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--skip-peers": skipPeers = true; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}\n{Description}"); return 2;
            }
        }
        corpusPath ??= await SegmentationCorpus.EnsureAsync();
        var text = await File.ReadAllTextAsync(corpusPath);
        var documents = text.Split('\n');
        if (documents[^1].Length == 0) documents = documents[..^1];
        var codePoints = documents.Sum(d => (long)d.EnumerateRunes().Count());
        Console.WriteLine($"corpus: {corpusPath}: {documents.Length} documents, {codePoints} code points; {Environment.ProcessorCount} logical processors");
        Console.WriteLine($"inkstone: dictionary + HMM load {load.Elapsed.TotalSeconds:F3} s wall, {loadCpu.TotalSeconds:F3} s CPU (two threads); managed heap after load {segmenterBytes / 1048576.0:F0} MiB");

        List<string>[] ours = new List<string>[documents.Length];
        var single = Best(repeat + 1, () =>
        {
            for (var d = 0; d < documents.Length; d++) ours[d] = segmenter.Cut(documents[d], SegmentationMode.Precise);
        });
        var ranges = new List<TokenRange>();
        var singleRanges = Best(repeat + 1, () =>
        {
            foreach (var d in documents)
            {
                ranges.Clear();
                segmenter.CutRanges(d, SegmentationMode.Precise, ranges);
            }
        });
        var parallel = Best(repeat + 1, () =>
            Parallel.ForEach(Partitioner.Create(0, documents.Length, 256), new ParallelOptions { MaxDegreeOfParallelism = threads }, range =>
            {
                for (var d = range.Item1; d < range.Item2; d++) segmenter.Cut(documents[d], SegmentationMode.Precise);
            }));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var inkstoneRate = codePoints / single;
        Console.WriteLine($"inkstone: {inkstoneRate,12:N0} code points/s  (1 thread, token strings)");
        Console.WriteLine($"inkstone: {codePoints / singleRanges,12:N0} code points/s  (1 thread, token ranges, no allocation)");
        Console.WriteLine($"inkstone: {codePoints / parallel,12:N0} code points/s  ({threads} threads, {single / parallel:F2}x of 1 thread)");
        Console.WriteLine($"inkstone: peak working set {peak / 1048576.0:F0} MiB");
        if (skipPeers) return 0;

        var outDir = Path.GetDirectoryName(Path.GetFullPath(corpusPath))!;
        var here = Path.Combine(SegmentationCorpus.RepositoryRoot(), "bench", "Inkstone.Bench", "Segmentation");
        var pythonTokens = Path.Combine(outDir, "segment-python.jsonl");
        var nodeTokens = Path.Combine(outDir, "segment-node.jsonl");
        var python = await PeerAsync("/usr/bin/python3", [Path.Combine(here, "jieba_python.py"), corpusPath, "1", pythonTokens]);
        var node = await PeerAsync("node", [Path.Combine(here, "jieba_node.cjs"), SegmentationCorpus.NodeModules, corpusPath, repeat.ToString(CultureInfo.InvariantCulture), nodeTokens]);

        var reference = python is null ? null : await ReadTokensAsync(pythonTokens);
        Report("python jieba", python, inkstoneRate, reference, reference);
        Report("@node-rs/jieba", node, inkstoneRate, node is null ? null : await ReadTokensAsync(nodeTokens), reference);
        if (reference is not null)
            Console.WriteLine($"inkstone: {Agreement([.. ours], reference):P2} of documents identical to python jieba");
        return 0;
    }

    private static double Best(int passes, Action run)
    {
        var best = double.MaxValue;
        for (var p = 0; p < passes; p++)
        {
            var watch = Stopwatch.StartNew();
            run();
            // The first pass warms the JIT and the caches; it is not counted unless it is the only one.
            if (p > 0 || passes == 1) best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static void Report(string name, JsonElement? result, double inkstoneRate, List<List<string>>? tokens, List<List<string>>? reference)
    {
        if (result is not { } r)
        {
            Console.WriteLine($"{name}: not run (see the error above)");
            return;
        }
        var rate = r.GetProperty("code_points").GetDouble() / r.GetProperty("cut_s").GetDouble();
        var agreement = tokens is not null && reference is not null && !ReferenceEquals(tokens, reference) ? $", {Agreement(tokens, reference):P2} of documents identical to python jieba" : "";
        Console.WriteLine($"{name}: load {r.GetProperty("load_s").GetDouble():F3} s, {rate,12:N0} code points/s; inkstone = {inkstoneRate / rate:F2}x{agreement}");
    }

    private static double Agreement(List<List<string>> ours, List<List<string>> reference)
    {
        var same = 0;
        for (var i = 0; i < Math.Min(ours.Count, reference.Count); i++)
            if (ours[i].SequenceEqual(reference[i], StringComparer.Ordinal)) same++;
        return (double)same / reference.Count;
    }

    private static async Task<List<List<string>>> ReadTokensAsync(string path)
    {
        var result = new List<List<string>>();
        foreach (var line in await File.ReadAllLinesAsync(path))
            if (line.Length > 0) result.Add(JsonSerializer.Deserialize<List<string>>(line)!);
        return result;
    }

    private static async Task<JsonElement?> PeerAsync(string program, string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode == 0) return JsonDocument.Parse(await stdout).RootElement.Clone();
            Console.Error.WriteLine($"{program} {arguments[0]} exited with {process.ExitCode}: {await stderr}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"{program}: {e.Message}");
        }
        return null;
    }
}
