using System.Text.Json.Nodes;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Cli;

/// <summary>Redirects Console.Out, so it must not run beside other tests.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EvalCommandTests
{
    private static async Task<(int Code, string Out)> RunAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        return (result.Exit, result.Output);
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
    public async Task Report_Generations_ChineseTtrOverJiebaWordsAndContaminationThresholds()
    {
        using var dir = new TempDirectory();
        var queries = dir.File("q.jsonl", """
            {"id":"z1","language":"zh","genre":"slogan","query":"写一句"}
            {"id":"z2","language":"zh","genre":"slogan","query":"再写一句"}
            {"id":"e1","language":"en","genre":"slogan","query":"Write one"}
            """);
        var rankings = dir.File("r.jsonl", "{\"query_id\":\"z1\",\"annotator\":\"a1\",\"ranking\":[\"X\",\"Y\"]}\n");
        string Gen(string query, string model, string answer) =>
            $"{{\"query_id\":\"{query}\",\"model\":\"{model}\",\"sample\":0,\"answer\":\"{answer}\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}}\n";
        var gens = dir.File("g.jsonl", Gen("z1", "X", "我们喜欢春天，我们也喜欢秋天。") + Gen("z2", "X", "春风又绿江南岸") + Gen("e1", "X", "Title: 春江花月夜 (a poem)"));

        var (code, json) = await RunAsync("eval", "report", rankings, "--queries", queries, "--generations", gens, "--resamples", "0", "--format", "json");
        Assert.Equal(0, code);
        var outputs = JsonNode.Parse(json)!["outputs"]!.AsArray();
        var zh = outputs.Single(o => o!["language"]!.GetValue<string>() == "zh")!;
        // jieba: 我们/喜欢/春天/，/我们/也/喜欢/秋天/。 → 7 words, 5 types → 5/7 (per character it would be 8/13);
        // 春风/又/绿/江南/岸 → all distinct → 1. Mean and median of the two: (5/7 + 1) / 2.
        Assert.Equal((5.0 / 7 + 1) / 2, zh["ttr_mean"]!.GetValue<double>(), 12);
        Assert.Equal((5.0 / 7 + 1) / 2, zh["ttr_median"]!.GetValue<double>(), 12);
        // MTLD of the first answer: forward 我们 喜欢 春天 我们 也 喜欢 (4/6 ≤ 0.72: one factor) 秋天 (TTR 1: partial 0) → 7/1;
        // backward 秋天 喜欢 也 我们 春天 喜欢 我们 (5/7 ≤ 0.72: one factor) → 7/1. The second has no factor: undefined.
        Assert.Equal(7, zh["mtld_mean"]!.GetValue<double>(), 12);
        Assert.Equal(1, zh["mtld_undefined"]!.GetValue<int>());
        var en = outputs.Single(o => o!["language"]!.GetValue<string>() == "en")!;
        Assert.Equal(0, en["contaminated"]!.GetValue<int>()); // 5 Han characters < the default 10

        var (code5, json5) = await RunAsync("eval", "report", rankings, "--queries", queries, "--generations", gens, "--resamples", "0", "--format", "json", "--min-han", "5");
        Assert.Equal(0, code5);
        var root5 = JsonNode.Parse(json5)!;
        Assert.Equal(1, root5["outputs"]!.AsArray().Single(o => o!["language"]!.GetValue<string>() == "en")!["contaminated"]!.GetValue<int>());
        Assert.Equal(5, root5["output_settings"]!["contamination_rule"]!["min_han"]!.GetValue<int>());
    }

    [Fact]
    public async Task Report_Tokenizer_CountsAnswerTokensWithIt()
    {
        using var dir = new TempDirectory();
        var queries = dir.File("q.jsonl", """
            {"id":"e1","language":"en","genre":"slogan","query":"Write one"}
            {"id":"e2","language":"en","genre":"slogan","query":"Write another"}
            """);
        var rankings = dir.File("r.jsonl", "{\"query_id\":\"e1\",\"annotator\":\"a1\",\"ranking\":[\"X\",\"Y\"]}\n");
        string Gen(string query, string answer) =>
            $"{{\"query_id\":\"{query}\",\"model\":\"X\",\"sample\":0,\"answer\":\"{answer}\",\"duration_ms\":1,\"created_at\":\"2026-01-01T00:00:00Z\"}}\n";
        var gens = dir.File("g.jsonl", Gen("e1", "hello world") + Gen("e2", "hold"));
        // A hand-made byte-level BPE: "hello world" → hello, Ġworld (2 tokens); "hold" → h, o, ld (3 tokens).
        var tokenizer = dir.Combine("tok");
        Directory.CreateDirectory(tokenizer);
        File.WriteAllText(Path.Combine(tokenizer, "vocab.json"), """
            {"h":0,"e":1,"l":2,"o":3,"Ġ":4,"w":5,"r":6,"d":7,"he":8,"ll":9,"llo":10,"hello":11,"Ġw":12,"or":13,"Ġwor":14,"ld":15,"Ġworld":16}
            """);
        File.WriteAllLines(Path.Combine(tokenizer, "merges.txt"), ["#version: 0.2", "h e", "l l", "ll o", "he llo", "Ġ w", "o r", "Ġw or", "l d", "Ġwor ld"]);
        string[] args = ["eval", "report", rankings, "--queries", queries, "--generations", gens, "--resamples", "0", "--format", "json"];

        var (code, json) = await RunAsync(args);
        Assert.Equal(0, code);
        Assert.Null(JsonNode.Parse(json)!["outputs"]![0]!["tokens"]); // no usage in the file, no tokenizer

        var (codeTok, jsonTok) = await RunAsync([.. args, "--tokenizer", tokenizer]);
        Assert.Equal(0, codeTok);
        var tokens = JsonNode.Parse(jsonTok)!["outputs"]![0]!["tokens"]!;
        Assert.Equal(2.5, tokens["mean"]!.GetValue<double>(), 12);
        Assert.Equal(3, tokens["max"]!.GetValue<double>(), 12);

        var missing = await CliRunner.RunAsync([.. args, "--tokenizer", dir.Combine("no-such-folder")]);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("no-such-folder: no such file or folder", missing.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--min-han", "0")]
    [InlineData("--min-han-run", "0")]
    [InlineData("--min-han-share", "1.5")]
    public async Task Report_ContaminationThresholdOutOfRange_ExitsWith2(string option, string value)
    {
        using var dir = new TempDirectory();
        var rankings = dir.File("r.jsonl", "{\"query_id\":\"q1\",\"annotator\":\"a1\",\"ranking\":[\"X\",\"Y\"]}\n");
        var result = await CliRunner.RunAsync("eval", "report", rankings, "--resamples", "0", "--format", "json", option, value);
        Assert.Equal(2, result.Exit);
        Assert.Empty(result.Output);
        Assert.StartsWith("error: " + option + " ", result.Errors, StringComparison.Ordinal);
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
