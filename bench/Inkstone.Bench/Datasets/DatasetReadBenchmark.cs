using System.Diagnostics;
using System.Globalization;
using Inkstone.Datasets;
using Inkstone.Model;
using Inkstone.Statistics;
using Inkstone.Taxonomy;

namespace Inkstone.Bench.Datasets;

/// <summary>
/// Reads the same generated records as JSON Lines, JSON and Parquet through <c>DatasetStatisticsService</c> (read,
/// validate, statistics) and compares with the Python reference (json.loads + len per line) on the JSONL file.
/// usage: dataset-read [RECORDS=20000] [SEED=1]
/// </summary>
public static class DatasetReadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var work = Directory.CreateTempSubdirectory("inkstone-bench-").FullName;
        try
        {
            var files = new List<(DatasetFormat Format, string Path)>();
            foreach (var (format, name) in new[] { (DatasetFormat.Jsonl, "d.jsonl"), (DatasetFormat.Json, "d.json"), (DatasetFormat.Parquet, "d.parquet") })
            {
                var path = Path.Combine(work, name);
                await DatasetWriter.WriteAsync(path, Generate(records, seed), format).ConfigureAwait(false);
                files.Add((format, path));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{records} records (seed {seed}); best of 3 runs"));
            Console.WriteLine($"{"reader",-22} {"MiB",8} {"seconds",8} {"records/s",11} {"MiB/s",8}");
            double? jsonlSeconds = null;
            foreach (var (format, path) in files)
            {
                var seconds = await BestOfAsync(3, () => DatasetStatisticsService.ComputeAsync(path, DatasetReadOptions.Default)).ConfigureAwait(false);
                if (format == DatasetFormat.Jsonl) jsonlSeconds = seconds;
                Print($"inkstone {format.ToString().ToLowerInvariant()}", path, records, seconds);
            }

            var reference = Path.Combine(FindRoot(), "tests", "tools", "dataset_stats_reference.py");
            var taxonomy = Path.Combine(FindRoot(), "src", "Inkstone", "Taxonomy", "genres.json");
            if (File.Exists("/usr/bin/python3"))
            {
                var jsonl = files[0].Path;
                var seconds = await BestOfAsync(3, () => RunProcessAsync("/usr/bin/python3", reference, jsonl, taxonomy)).ConfigureAwait(false);
                Print("python json.loads+len", jsonl, records, seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inkstone jsonl is {seconds / jsonlSeconds!.Value:F2}x the speed of the Python reference (which does not validate fields or compute per-genre tables)"));
            }
            else
            {
                Console.WriteLine("python3 not found: peer comparison skipped");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async IAsyncEnumerable<Triplet> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var genres = GenreTaxonomy.Default.Genres;
        const string han = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";
        string Text(int lo, int hi)
        {
            var n = (int)Math.Exp(random.NextDouble() * (Math.Log(hi) - Math.Log(lo)) + Math.Log(lo));
            var chars = new char[n];
            for (var i = 0; i < n; i++) chars[i] = han[random.Next(han.Length)];
            return new string(chars);
        }
        for (var i = 0; i < count; i++)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            yield return new Triplet
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"rec-{i}"),
                Query = Text(30, 2643),
                Thought = Text(252, 4094),
                Answer = Text(12, 31071),
                GenreId = genres[i % genres.Count].Id,
            };
        }
    }

    private static async Task<double> BestOfAsync<T>(int runs, Func<Task<T>> action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action().ConfigureAwait(false);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static void Print(string name, string path, int records, double seconds)
    {
        var mib = new FileInfo(path).Length / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {mib,8:F1} {seconds,8:F2} {records / seconds,11:F0} {mib / seconds,8:F1}"));
    }

    private static async Task<int> RunProcessAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}");
        return process.ExitCode;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inkstone.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
