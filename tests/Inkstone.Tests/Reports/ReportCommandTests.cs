using System.Text.Json;
using Inkstone.Reports.Fonts;
using Inkstone.Statistics;
using Inkstone.Tests.Cli;

namespace Inkstone.Tests.Reports;

[Collection(ConsoleCollection.Name)]
public sealed class ReportCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inkstone-report-test-");
    private static readonly string s_sample = Path.Combine(AppContext.BaseDirectory, "samples", "coig-writer-sample.jsonl");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Dataset_UnknownFont_Exit2_NoCjkFontMessage_NoStackTrace()
    {
        var output = Path.Combine(_directory.FullName, "r.html");
        var result = await CliRunner.RunAsync("report", "dataset", s_sample, "-o", output, "--font", "No Such Family 123");
        Assert.Equal(2, result.Exit);
        Assert.Contains(CjkFontResolver.NotFoundMessage, result.Errors, StringComparison.Ordinal);
        Assert.Single(result.Errors.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Dataset_Json_NumbersBehindEveryFigure_EqualStatsModel_FilesWritten()
    {
        using (RequiredFont.Cjk()) { }
        var output = Path.Combine(_directory.FullName, "r.html");
        var figures = Path.Combine(_directory.FullName, "figs");
        var result = await CliRunner.RunAsync("report", "dataset", s_sample, "-o", output, "--figures", figures, "--format", "json");
        Assert.True(result.Exit == 0, result.All);
        var statistics = (await DatasetStatisticsService.ComputeAsync(s_sample, Inkstone.Datasets.DatasetReadOptions.Default,
            cancellationToken: TestContext.Current.CancellationToken)).Statistics;

        using var json = JsonDocument.Parse(result.Output);
        var all = json.RootElement.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(5, all.Count);
        var shares = all.Single(f => f.GetProperty("id").GetString() == "fig3a-category-shares");
        Assert.Equal("bar", shares.GetProperty("kind").GetString());
        var bars = shares.GetProperty("series")[0].GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(statistics.Categories.Select(c => c.SharePercent), bars.Select(b => b.GetProperty("value").GetDouble()));
        Assert.Equal(statistics.Categories.Select(c => c.Count), bars.Select(b => b.GetProperty("n").GetInt64()));

        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        foreach (var id in all.Select(f => f.GetProperty("id").GetString()))
        {
            Assert.True(File.Exists(Path.Combine(figures, id + ".svg")), id);
            Assert.True(File.Exists(Path.Combine(figures, id + ".png")), id);
        }
        Assert.Contains(Directory.GetFiles(figures, "*.csv"), f => f.EndsWith("table-table-5-categories.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dataset_RejectedRecords_Exit1_ReportStillWritten()
    {
        using (RequiredFont.Cjk()) { }
        var dataset = Path.Combine(_directory.FullName, "d.jsonl");
        var lines = File.ReadLines(s_sample).Take(3).Append("{\"query\": 1}").ToList();
        await File.WriteAllLinesAsync(dataset, lines, TestContext.Current.CancellationToken);
        var output = Path.Combine(_directory.FullName, "r.html");
        var result = await CliRunner.RunAsync("report", "dataset", dataset, "-o", output);
        Assert.True(result.Exit == 1, result.All);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task Curation_EmptyWorkspace_Exit0_FunnelOfNothing()
    {
        using (RequiredFont.Cjk()) { }
        var workspace = Path.Combine(_directory.FullName, "ws");
        Assert.Equal(0, (await CliRunner.RunAsync("init", workspace, "--no-model")).Exit);
        var output = Path.Combine(_directory.FullName, "c.html");
        var result = await CliRunner.RunAsync("report", "curation", "-w", workspace, "-o", output, "--format", "json");
        Assert.True(result.Exit == 0, result.All);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("curation-funnel", json.RootElement.GetProperty("figures")[0].GetProperty("id").GetString());
        Assert.True(File.Exists(output));
    }
}
