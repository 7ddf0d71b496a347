using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Inkstone.Bench.Cli;

/// <summary>
/// Start-up cost of the <c>./inkstone</c> launcher: wall time of <c>./inkstone --version</c> against running the
/// program it starts (<c>dotnet artifacts/launcher/Inkstone.Cli.dll --version</c>) directly, alternated, median of
/// several runs each. The first call builds when the checkout changed; it is a warm-up and not counted.
/// Usage: launcher [runs (default 11)]
/// </summary>
public static class LauncherBenchmark
{
    public const string Description = "./inkstone --version vs dotnet Inkstone.Cli.dll --version: median wall time and the launcher's overhead [RUNS]";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 11;
        var root = RepositoryRoot();
        var launcher = Path.Combine(root, "inkstone");
        var dll = Path.Combine(root, "artifacts", "launcher", "Inkstone.Cli.dll");
        Console.WriteLine($"hardware: {CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");

        var warmUp = await TimeAsync("bash", [launcher, "--version"]).ConfigureAwait(false);
        Console.WriteLine($"warm-up (builds if sources changed): {warmUp.TotalSeconds:F2} s");
        var viaLauncher = new List<double>();
        var direct = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            viaLauncher.Add((await TimeAsync("bash", [launcher, "--version"]).ConfigureAwait(false)).TotalMilliseconds);
            direct.Add((await TimeAsync("dotnet", [dll, "--version"]).ConfigureAwait(false)).TotalMilliseconds);
        }
        var (l, d) = (Median(viaLauncher), Median(direct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"./inkstone --version            median {l,7:F1} ms  (min {viaLauncher.Min():F1}, max {viaLauncher.Max():F1}; {runs} runs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet Inkstone.Cli.dll --version median {d,7:F1} ms  (min {direct.Min():F1}, max {direct.Max():F1}; {runs} runs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"launcher overhead                 {l - d,7:F1} ms ({(l / d - 1):P0}); target: ./inkstone --version under 500 ms"));
        return l < 500 ? 0 : 3;
    }

    private static async Task<TimeSpan> TimeAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await errors.ConfigureAwait(false)}");
        _ = await output.ConfigureAwait(false);
        return clock.Elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Inkstone.slnx")) && File.Exists(Path.Combine(dir.FullName, "inkstone"))) return dir.FullName;
        throw new InvalidOperationException("run from the checkout: the launcher ./inkstone was not found");
    }
}
