using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Inkstone.Bench.Segmentation;

/// <summary>
/// The benchmark corpus: Tang and Song poems and Song ci from the npm package <c>chinese-poetry</c>, converted to
/// simplified Chinese with OpenCC (<c>t2s.json</c>), one document per line; built once into bench/out/.
/// </summary>
internal static class SegmentationCorpus
{
    private static readonly string[] s_files =
    [
        .. Enumerable.Range(0, 20).Select(i => $"quantangshi/poet.tang.{i * 1000}.json"),
        .. Enumerable.Range(0, 8).Select(i => $"quantangshi/poet.song.{i * 1000}.json"),
        .. Enumerable.Range(0, 8).Select(i => $"songci/ci.song.{i * 1000}.json"),
    ];

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inkstone.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    public static string NodeModules => Path.Combine(RepositoryRoot(), "tests", "tools", "node_modules");

    /// <summary>Returns the path of the corpus, building it first when it is missing.</summary>
    public static async Task<string> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var outDir = Path.Combine(RepositoryRoot(), "bench", "out");
        var path = Path.Combine(outDir, "segment-corpus.txt");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(outDir);

        var poetry = Path.Combine(NodeModules, "chinese-poetry", "dist");
        var traditional = Path.Combine(outDir, "segment-corpus.t.txt");
        await using (var writer = new StreamWriter(traditional, false, new UTF8Encoding(false)))
        {
            foreach (var file in s_files)
            {
                using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(poetry, file), cancellationToken));
                foreach (var item in json.RootElement.EnumerateArray())
                {
                    if (!item.TryGetProperty("paragraphs", out var paragraphs) || paragraphs.ValueKind != JsonValueKind.Array) continue;
                    var text = string.Concat(paragraphs.EnumerateArray().Select(p => p.GetString()?.Replace("\n", "", StringComparison.Ordinal)));
                    if (text.Length > 0) await writer.WriteLineAsync(text.AsMemory(), cancellationToken);
                }
            }
        }
        using var process = Process.Start(new ProcessStartInfo("opencc", ["-c", "t2s.json", "-i", traditional, "-o", path]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("cannot start opencc");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException("opencc failed: " + await error);
        File.Delete(traditional);
        return path;
    }
}
