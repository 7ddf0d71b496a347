using System.Text.Json.Nodes;
using Inkstone.Reports.Figures;
using Inkstone.Tests.Cli;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Reports;

/// <summary><c>report eval</c> and <c>report paper</c> under the CLI's conventions, and their JSON against <c>eval report</c>'s.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReportEvalCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Dataset => EvalSamples.Sample("coig-writer-sample.jsonl");

    [Theory]
    [InlineData("report eval NOPE -o {dir}/r.html")]
    [InlineData("report eval {pairwise} --queries NOPE -o {dir}/r.html")]
    [InlineData("report eval {pairwise} --behavior NOPE -o {dir}/r.html")]
    [InlineData("report paper {pairwise} --dataset NOPE -o {dir}/r.html")]
    [InlineData("report paper NOPE --dataset {dataset} -o {dir}/r.html")]
    public async Task MissingInput_OneErrorNamingThePath_Exit2(string command)
    {
        var missing = _dir.Combine("nope.jsonl");
        var result = await CliRunner.RunAsync(Args(command.Replace("NOPE", missing, StringComparison.Ordinal)));
        result.AssertOneError(2, missing + ": no such file");
        Assert.False(File.Exists(_dir.Combine("r.html")));
    }

    [Theory]
    [InlineData("report eval DIR -o {dir}/r.html")]
    [InlineData("report eval {pairwise} --generations DIR -o {dir}/r.html")]
    [InlineData("report paper {pairwise} --dataset DIR -o {dir}/r.html")]
    public async Task FolderInsteadOfFile_OneErrorNamingThePath_Exit2(string command)
    {
        var folder = Directory.CreateDirectory(_dir.Combine("folder")).FullName;
        var result = await CliRunner.RunAsync(Args(command.Replace("DIR", folder, StringComparison.Ordinal)));
        result.AssertOneError(2, folder + ": is a folder, not a file");
    }

    [Fact]
    public async Task WrongFormatFiles_JudgmentsRejectedExit1_DatasetExit2()
    {
        using (RequiredFont.Cjk()) { }
        var bad = _dir.File("bad.jsonl", "not json\nstill not json\n");
        var eval = await CliRunner.RunAsync("report", "eval", bad, "-o", _dir.Combine("e.html"));
        Assert.True(eval.Exit == 1, eval.All);
        Assert.Contains("bad.jsonl:1: invalid JSON", eval.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", eval.All, StringComparison.Ordinal);

        var strict = await CliRunner.RunAsync("report", "eval", bad, "--strict", "-o", _dir.Combine("s.html"));
        Assert.Equal(2, strict.Exit);

        var paper = await CliRunner.RunAsync("report", "paper", EvalSamples.Pairwise, "--dataset", bad, "-o", _dir.Combine("p.html"));
        paper.AssertOneError(2, bad + ": not a dataset file");
        Assert.False(File.Exists(_dir.Combine("p.html")));
    }

    [Fact]
    public async Task UnknownModel_Exit2_LikeEvalReport()
    {
        var result = await CliRunner.RunAsync("report", "eval", EvalSamples.Pairwise, "--anchor", "NOPE", "-o", _dir.Combine("r.html"));
        result.AssertOneError(2, "--anchor: no model named 'NOPE'");
    }

    [Fact]
    public async Task Json_NumbersBehindEveryFigure_EqualEvalReport_FilesWritten()
    {
        using (RequiredFont.Cjk()) { }
        var (generations, behavior) = await EvalSamples.WriteAsync(_dir.Path, TestContext.Current.CancellationToken);
        string[] inputs = [EvalSamples.Pairwise, EvalSamples.Rankings, "--queries", .. EvalSamples.QueryFiles, "--generations", generations,
            "--behavior", behavior, "--resamples", "50"];
        var html = _dir.Combine("eval.html");
        var figures = _dir.Combine("figs");
        var result = await CliRunner.RunAsync(["report", "eval", .. inputs, "-o", html, "--figures", figures, "--format", "json"]);
        Assert.True(result.Exit == 0, result.All);
        var reference = await CliRunner.RunAsync(["eval", "report", .. inputs, "--format", "json"]);
        Assert.Equal(0, reference.Exit);

        var json = JsonNode.Parse(result.Output)!;
        var evalJson = JsonNode.Parse(reference.Output)!;
        var all = json["figures"]!.AsArray();
        var kinds = all.Select(f => f!["kind"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "heat_map", "interval", "box", "bar" }, kinds);
        var map = all.Single(f => f!["id"]!.GetValue<string>() == EvalFigures.WinRatesId("zh"))!;
        var cells = evalJson["languages"]![0]!["cells"]!.AsArray();
        Assert.Equal(cells.Select(c => c!["win_rate"]!.GetValue<double>()), map["cells"]!.AsArray().Select(c => c!["value"]!.GetValue<double>()));
        var box = all.Single(f => f!["id"]!.GetValue<string>() == EvalFigures.LengthsId("en"))!["boxes"]![0]!;
        var output = evalJson["outputs"]!.AsArray().First(o => o!["language"]!.GetValue<string>() == "en")!;
        Assert.Equal(output["characters"]!["q1"]!.GetValue<double>(), box["q1"]!.GetValue<double>());
        Assert.Equal(output["characters"]!["median"]!.GetValue<double>(), box["median"]!.GetValue<double>());
        Assert.Equal(evalJson["languages"]![0]!["bradley_terry"]!["ratings"]!.AsArray().Select(r => r!["low"]!.GetValue<double>()).Order(),
            all.Single(f => f!["id"]!.GetValue<string>() == EvalFigures.RatingsId("zh"))!["intervals"]!.AsArray()
                .Select(i => i!["low"]!.GetValue<double>()).Order());

        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        foreach (var id in all.Select(f => f!["id"]!.GetValue<string>()))
        {
            Assert.True(File.Exists(Path.Combine(figures, id + ".svg")), id);
            Assert.True(File.Exists(Path.Combine(figures, id + ".png")), id);
        }
        Assert.NotEmpty(Directory.GetFiles(figures, "table-win-rate-of-row-over-column-zh*.csv"));
    }

    [Fact]
    public async Task Paper_DatasetEvalAndCuration_InThePapersOrder()
    {
        using (RequiredFont.Cjk()) { }
        var workspace = _dir.Combine("ws");
        Assert.Equal(0, (await CliRunner.RunAsync("init", workspace, "--no-model")).Exit);
        var (generations, _) = await EvalSamples.WriteAsync(_dir.Path, TestContext.Current.CancellationToken);
        var html = _dir.Combine("paper.html");
        var result = await CliRunner.RunAsync(["report", "paper", EvalSamples.Pairwise, "--queries", .. EvalSamples.QueryFiles,
            "--generations", generations, "--dataset", Dataset, "-w", workspace, "--resamples", "20", "-o", html, "--format", "json"]);
        Assert.True(result.Exit == 0, result.All);
        var ids = JsonNode.Parse(result.Output)!["figures"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();
        int At(string id) => ids.IndexOf(id) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"{id} missing from {string.Join(", ", ids)}");
        Assert.True(At(DatasetFigures.CategorySharesId) < At(DatasetFigures.LengthDistributionId));
        Assert.True(At(DatasetFigures.LengthDistributionId) < At(EvalFigures.WinRatesId("zh")));
        Assert.True(At(EvalFigures.WinRatesId("zh")) < At(EvalFigures.LengthsId("zh")));
        Assert.True(At(EvalFigures.DiversityId("zh")) < At(DatasetFigures.GenreDistributionId));
        Assert.True(At(DatasetFigures.GenreDistributionId) < At(CurationFigures.FunnelId));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var text = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        Assert.Contains("Table 5: categories", text, StringComparison.Ordinal);
        Assert.Contains("Items per state", text, StringComparison.Ordinal);
    }

    private string[] Args(string command) => command
        .Replace("{dir}", _dir.Path, StringComparison.Ordinal)
        .Replace("{pairwise}", EvalSamples.Pairwise, StringComparison.Ordinal)
        .Replace("{dataset}", Dataset, StringComparison.Ordinal)
        .Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
