using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inkstone.IntegrationTests.Infrastructure;

namespace Inkstone.IntegrationTests.Statistics;

/// <summary>
/// Runs the real <c>inkstone stats</c> on a generated JSON Lines file and compares its JSON output with an
/// independent Python computation (json + len), measuring the CLI's peak memory with GNU time.
/// </summary>
public sealed partial class StatsCommandTests
{
    [Fact]
    public async Task Stats_GeneratedJsonl_MatchesPythonReferenceWithinMemoryBudget()
    {
        var root = RequiredService.RepositoryRoot();
        RequiredService.Ensure(File.Exists("/usr/bin/python3"), "python3");
        RequiredService.Ensure(File.Exists("/usr/bin/time"), "GNU time (/usr/bin/time)");
        var work = Directory.CreateTempSubdirectory("inkstone-stats-").FullName;
        try
        {
            var data = Path.Combine(work, "data.jsonl");
            var generated = await RunAsync("/usr/bin/python3", [Path.Combine(root, "bench", "scripts", "make_large_jsonl.py"), data, "24", "3"]);
            Assert.True(generated.ExitCode == 0, generated.Error);

            var cli = Path.Combine(AppContext.BaseDirectory, "Inkstone.Cli.dll");
            var stats = await RunAsync("/usr/bin/time", ["-v", "dotnet", cli, "stats", data, "--format", "json"]);
            Assert.True(stats.ExitCode == 0, stats.Error);
            var reference = await RunAsync("/usr/bin/python3", [Path.Combine(root, "tests", "tools", "dataset_stats_reference.py"), data, Path.Combine(root, "src", "Inkstone", "Taxonomy", "genres.json")]);
            Assert.True(reference.ExitCode == 0, reference.Error);

            using var actual = JsonDocument.Parse(stats.Output);
            using var expected = JsonDocument.Parse(reference.Output);
            var a = actual.RootElement;
            var e = expected.RootElement;
            Assert.Equal(e.GetProperty("read").GetInt64(), a.GetProperty("read").GetProperty("read").GetInt64());
            Assert.Equal(e.GetProperty("accepted").GetInt64(), a.GetProperty("read").GetProperty("accepted").GetInt64());
            foreach (var field in new[] { "article", "prompt", "reasoning" })
            {
                var want = e.GetProperty("overall").GetProperty(field);
                var got = a.GetProperty("overall").GetProperty(field);
                Assert.Equal(want.GetProperty("min").GetInt64(), got.GetProperty("min").GetInt64());
                Assert.Equal(want.GetProperty("max").GetInt64(), got.GetProperty("max").GetInt64());
                Assert.Equal(want.GetProperty("mean").GetDouble(), got.GetProperty("mean").GetDouble(), 1e-9);
            }
            var genres = a.GetProperty("genres").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!, g => g.GetProperty("count").GetInt64());
            var wantGenres = e.GetProperty("genres").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
            Assert.Equal(wantGenres.OrderBy(p => p.Key), genres.OrderBy(p => p.Key));

            var table = await RunAsync("dotnet", [cli, "stats", data, "--by", "category"]);
            Assert.Equal(0, table.ExitCode);
            Assert.Contains("\nOverall ", table.Output, StringComparison.Ordinal);
            Assert.Contains("Balance audit (minimum 15 per genre)", table.Output, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"read {e.GetProperty("read").GetInt64()}, accepted {e.GetProperty("accepted").GetInt64()},"), table.Output, StringComparison.Ordinal);

            var peakKb = long.Parse(PeakRss().Match(stats.Error).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(peakKb < 300 * 1024, $"peak RSS {peakKb} kB");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task ValidateAndStats_BadRecord_Exit1WithLocatedMessage_Strict2()
    {
        var work = Directory.CreateTempSubdirectory("inkstone-validate-").FullName;
        try
        {
            var data = Path.Combine(work, "v.jsonl");
            await File.WriteAllTextAsync(data, "{\"id\":\"a\",\"query\":\"q\",\"thought\":\"t\",\"answer\":\"a\"}\n{\"id\":\"b\",\"query\":\"q\",\"thought\":\"t\"}\n", TestContext.Current.CancellationToken);
            var cli = Path.Combine(AppContext.BaseDirectory, "Inkstone.Cli.dll");

            var validate = await RunAsync("dotnet", [cli, "validate", data]);
            var lenient = await RunAsync("dotnet", [cli, "stats", data, "--format", "json"]);
            var strict = await RunAsync("dotnet", [cli, "stats", data, "--strict"]);

            Assert.Equal(1, validate.ExitCode);
            Assert.Contains($"{data}:line 2: record 'b': field 'answer': required field is missing", validate.Output, StringComparison.Ordinal);
            Assert.EndsWith("read 2, accepted 1, rejected 1 (1 problems, 0 warnings)", validate.Output.TrimEnd(), StringComparison.Ordinal);
            Assert.Equal(1, lenient.ExitCode); // completed, one record rejected (docs/cli.md)
            Assert.Contains($"{data}:line 2: record 'b': field 'answer'", lenient.Error, StringComparison.Ordinal);
            Assert.Equal(1, JsonDocument.Parse(lenient.Output).RootElement.GetProperty("read").GetProperty("rejected").GetInt32());
            Assert.Equal(2, strict.ExitCode);
            Assert.Equal($"error: {data}:line 2: record 'b': field 'answer': required field is missing", strict.Error.Trim());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex PeakRss();

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
