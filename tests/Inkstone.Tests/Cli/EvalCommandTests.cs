using System.Text.Json.Nodes;
using Inkstone.Cli;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Cli;

/// <summary>Redirects Console.Out, so it must not run beside other tests.</summary>
[CollectionDefinition(nameof(EvalCommandTests), DisableParallelization = true)]
[Collection(nameof(EvalCommandTests))]
public sealed class EvalCommandTests
{
    private static async Task<(int Code, string Out)> RunAsync(params string[] args)
    {
        var previous = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            var code = await CliApp.CreateRootCommand().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            return (code, writer.ToString());
        }
        finally
        {
            Console.SetOut(previous);
        }
    }

    [Fact]
    public async Task ImportThenReport_Json_GivesWinRatesAndAgreement()
    {
        using var dir = new TempDirectory();
        var queries = dir.File("q.jsonl", "{\"id\":\"q1\",\"language\":\"zh\",\"genre\":\"slogan\",\"query\":\"写一句广告语\"}\n{\"id\":\"q2\",\"language\":\"zh\",\"genre\":\"slogan\",\"query\":\"再写一句\"}\n");
        var rankings = dir.File("r.jsonl", """
            {"query_id":"q1","annotator":"a1","ranking":["X","Y","Z"]}
            {"query_id":"q1","annotator":"a2","ranking":["X","Z","Y"]}
            {"query_id":"q2","annotator":"a1","ranking":["Y","X","Z"]}
            {"query_id":"q2","annotator":"a2","ranking":["Z","X","Y"]}
            """);
        var judgments = dir.Combine("j.jsonl");
        var (importCode, importOut) = await RunAsync("eval", "import", rankings, "-o", judgments);
        Assert.Equal(0, importCode);
        Assert.Contains("12 pairwise verdicts", importOut, StringComparison.Ordinal);

        var (code, json) = await RunAsync("eval", "report", judgments, "--queries", queries, "--resamples", "20", "--format", "json");
        Assert.Equal(0, code);
        var root = JsonNode.Parse(json)!;
        var zh = root["languages"]![0]!;
        Assert.Equal("zh", zh["language"]!.GetValue<string>());
        // X beats Y in 3 of 4 verdicts (a1 q1, a2 q1, a2 q2) and loses 1 (a1 q2)
        var xy = zh["cells"]!.AsArray().Single(c => c!["row"]!.GetValue<string>() == "X" && c["column"]!.GetValue<string>() == "Y")!;
        Assert.Equal(0.75, xy["win_rate"]!.GetValue<double>(), 12);
        Assert.Equal(0.625, xy["p_value"]!.GetValue<double>(), 12); // 2·(1+4)/16
        Assert.Single(root["agreement"]!["cohen_kappa"]!.AsArray());
    }

    [Fact]
    public async Task Queries_ReportsCoverageShortfallWithExitCode3()
    {
        using var dir = new TempDirectory();
        var queries = dir.File("q.jsonl", "{\"id\":\"q1\",\"language\":\"zh\",\"genre\":\"slogan\",\"query\":\"写一句广告语\"}\n");
        var (code, json) = await RunAsync("eval", "queries", queries, "--format", "json");
        Assert.Equal(3, code);
        Assert.Equal(51, JsonNode.Parse(json)!["missing"]!.AsArray().Count);
    }

    [Fact]
    public async Task AssignThenImportWithKey_MapsBlindRankingsBackToModels()
    {
        using var dir = new TempDirectory();
        var queries = dir.File("q.jsonl", "{\"id\":\"q1\",\"language\":\"zh\",\"genre\":\"slogan\",\"query\":\"写一句广告语\"}\n");
        var gens = dir.File("g.jsonl", string.Concat(new[] { "X", "Y", "Z" }.Select(m =>
            $"{{\"query_id\":\"q1\",\"model\":\"{m}\",\"sample\":0,\"answer\":\"answer by {m}\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}}\n")));
        var (code, _) = await RunAsync("eval", "assign", "--queries", queries, "--generations", gens, "--models", "X", "Y", "Z",
            "--annotators", "a1", "-o", dir.Combine("blind"), "--key", dir.Combine("key.jsonl"));
        Assert.Equal(0, code);
        var item = JsonNode.Parse(File.ReadAllLines(dir.Combine("blind/a1.jsonl"))[0])!;
        var answers = item["answers"]!.AsArray();
        Assert.DoesNotContain("\"X\"", item.ToJsonString(), StringComparison.Ordinal); // no model names in the annotator's file
        // The annotator ranks the answer by Z first, then X, then Y — by reading the texts.
        string Label(string model) => answers.Single(a => a!["text"]!.GetValue<string>() == $"answer by {model}")!["label"]!.GetValue<string>();
        var ranked = dir.File("ranked.jsonl", $"{{\"item_id\":\"{item["item_id"]}\",\"annotator\":\"a1\",\"ranking\":[\"{Label("Z")}\",\"{Label("X")}\",\"{Label("Y")}\"]}}\n");
        var judgments = dir.Combine("j.jsonl");
        (code, _) = await RunAsync("eval", "import", ranked, "--key", dir.Combine("key.jsonl"), "-o", judgments);
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(judgments).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);
        var zx = lines.Single(l => new[] { l["model_a"]!.GetValue<string>(), l["model_b"]!.GetValue<string>() }.Order().SequenceEqual(["X", "Z"]))!;
        var winner = zx["verdict"]!.GetValue<string>() == "a" ? zx["model_a"]!.GetValue<string>() : zx["model_b"]!.GetValue<string>();
        Assert.Equal("Z", winner);
        Assert.All(lines, l => Assert.Equal("q1", l["query_id"]!.GetValue<string>()));
    }
}
