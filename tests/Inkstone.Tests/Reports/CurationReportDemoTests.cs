using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Reports.Figures;
using Inkstone.Tests.Cli;

namespace Inkstone.Tests.Reports;

/// <summary>
/// The curation report on the demo workspace (samples/sources, see samples/README.md): 10 items annotated by ann-01..04
/// (3, 3, 2, 2), scored by sc-01 and sc-02 (5 each), 8 reviewed by rev-01 and rev-02 in one round; the two disagree on
/// src-009 (revise) and src-040 (remove), so 6 of 8 pairs agree.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CurationReportDemoTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inkstone-report-demo-");

    public void Dispose() => _directory.Delete(recursive: true);

    private async Task<string> DemoAsync()
    {
        var workspace = Path.Combine(_directory.FullName, "ws");
        var sources = Path.Combine(AppContext.BaseDirectory, "samples", "sources");
        var result = await CliRunner.RunAsync("demo", "-w", workspace, "--from", sources);
        Assert.True(result.Exit == 0, result.All);
        return workspace;
    }

    [Fact]
    public async Task Status_WorkPerPersonAndReviewerAgreement()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await Workspace.OpenAsync(await DemoAsync(), ct);
        var status = await new CurationStatusService(workspace.Items).ComputeAsync(15, ct);
        var people = status.People.ToDictionary(p => p.Person);
        Assert.Equal([3L, 3, 2, 2], new[] { "ann-01", "ann-02", "ann-03", "ann-04" }.Select(p => people[p].Annotated));
        Assert.Equal([5L, 5], new[] { "sc-01", "sc-02" }.Select(p => people[p].Scored));
        Assert.Equal(8, people["rev-01"].ReviewsDecided);
        Assert.Equal(8, people["rev-02"].ReviewsDecided);
        Assert.Equal(2, people["rev-01"].Revised + people["rev-01"].Removed + people["rev-02"].Revised + people["rev-02"].Removed);
        Assert.Equal((8L, 6L), (status.Agreement.Pairs, status.Agreement.AgreeingPairs));

        var work = CurationFigures.Work(status);
        Assert.Equal(status.People.Select(p => (double)p.Annotated), work.Series[0].Bars.Select(b => b.Value));
        Assert.Equal(status.People.Select(p => (double)p.ReviewsDecided), work.Series[2].Bars.Select(b => b.Value));
        Assert.Contains("75.0 %", CurationFigures.Decisions(status).Definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportCuration_Json_AcceptanceBarsEqualStatusRates()
    {
        using (RequiredFont.Cjk()) { }
        var ct = TestContext.Current.CancellationToken;
        var path = await DemoAsync();
        var output = Path.Combine(_directory.FullName, "c.html");
        var result = await CliRunner.RunAsync("report", "curation", "-w", path, "-o", output, "--format", "json");
        Assert.True(result.Exit == 0, result.All);
        await using var workspace = await Workspace.OpenAsync(path, ct);
        var status = await new CurationStatusService(workspace.Items).ComputeAsync(workspace.Config.Review.MinimumPerGenre, ct);

        using var json = JsonDocument.Parse(result.Output);
        var acceptance = json.RootElement.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == CurationFigures.AcceptanceId);
        var bars = acceptance.GetProperty("series")[0].GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(status.Rates.Select(r => (r.Rate ?? 0) * 100), bars.Select(b => b.GetProperty("value").GetDouble()));
        Assert.Equal(status.Rates.Select(r => r.Decided), bars.Select(b => b.GetProperty("n").GetInt64()));
        var html = await File.ReadAllTextAsync(output, ct);
        Assert.Equal(7, html.Split("<figure ").Length - 1);
    }
}
