using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Judgments;

public sealed class JudgmentFileReaderTests
{
    [Fact]
    public async Task ReadAsync_PairwiseJsonl_ReadsVerdictsAndLocatesBadLines()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.jsonl", """
            {"query_id":"q1","model_a":"X","model_b":"Y","annotator":"h1","verdict":"a"}
            {"query_id":"q1","model_a":"X","model_b":"Y","annotator":"h2","verdict":"TIE"}

            {"query_id":"q2","model_a":"X","model_b":"Y","annotator":"h1","verdict":"maybe"}
            {"query_id":"q2","model_a":"X","model_b":"X","annotator":"h1","verdict":"a"}
            not json
            {"query_id":"q3","model_a":"Y","model_b":"X","annotator":"h1","verdict":"b"}
            """);
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        Assert.Equal(3, set.Pairwise.Count);
        Assert.Equal([Verdict.A, Verdict.Tie, Verdict.B], set.Pairwise.Select(p => p.Verdict));
        Assert.Equal("p.jsonl:7", set.Pairwise[2].Source);
        Assert.Collection(set.Diagnostics,
            d => Assert.Equal("p.jsonl:4: field 'verdict': expected a, b or tie, got 'maybe'", d.ToString()),
            d => Assert.Equal("p.jsonl:5: field 'model_b': model 'X' compared with itself", d.ToString()),
            d => Assert.StartsWith("p.jsonl:6: invalid JSON", d.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Ranking_ExpandsToAllPairs()
    {
        using var dir = new TempDirectory();
        var path = dir.File("r.jsonl", """
            {"query_id":"q1","annotator":"h1","ranking":["C","A","E","B","D"]}
            {"query_id":"q2","annotator":"h1","ranking":["A",["B","C"]]}
            {"query_id":"q3","annotator":"h1","ranking":["A","A"]}
            """);
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        Assert.Equal(10 + 3, set.Pairwise.Count); // 5·4/2 and 3·2/2
        var q1 = set.Pairwise.Where(p => p.QueryId == "q1").Select(p => p.ToOutcome()).ToList();
        // C is first: it wins all four of its comparisons; D is last: it loses all four.
        Assert.Equal(4, q1.Count(o => (o.ModelA == "C" || o.ModelB == "C") && o.From("C") == Verdict.A));
        Assert.Equal(4, q1.Count(o => (o.ModelA == "D" || o.ModelB == "D") && o.From("D") == Verdict.B));
        var tie = set.Pairwise.Single(p => p.QueryId == "q2" && p.ModelA == "B" && p.ModelB == "C");
        Assert.Equal(Verdict.Tie, tie.Verdict);
        Assert.All(set.Pairwise, p => Assert.Equal("ranking", p.Origin));
        Assert.Equal("r.jsonl:3: field 'ranking': model 'A' is ranked more than once", Assert.Single(set.Diagnostics).ToString());
    }

    [Fact]
    public async Task ReadAsync_PaperRankingToolExport_MapsSourceFilesToModels()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ranked_results_all.json", """
            [
              {"sequence_number": 1, "question_id": "7", "prompt": "写一首诗",
               "ranked_responses": [
                 {"rank": 1, "source_file": "zh_10k.json", "my_response": "…"},
                 {"rank": 2, "source_file": "zh_baseline.json", "my_response": "…"},
                 {"rank": 3, "source_file": "zh_origin.json", "my_response": "…"}
               ]},
              {"sequence_number": 2, "question_id": "8", "ranked_responses": [{"rank": 0, "source_file": "zh_10k.json"}]}
            ]
            """);
        var options = new JudgmentImportOptions
        {
            DefaultJudge = "ann3",
            ModelNames = new Dictionary<string, string> { ["zh_10k.json"] = "M_CW+10k", ["zh_baseline.json"] = "M_G" },
        };
        var set = await JudgmentFileReader.ReadAsync(path, options, TestContext.Current.CancellationToken);
        Assert.Equal(3, set.Pairwise.Count);
        Assert.All(set.Pairwise, p => Assert.Equal("ann3", p.Judge));
        var outcome = set.Pairwise.Single(p => p.ModelA == "M_CW+10k" && p.ModelB == "M_G");
        Assert.Equal(Verdict.A, outcome.Verdict);
        Assert.Contains(set.Pairwise, p => p.ModelB == "zh_origin"); // unmapped names keep the file stem
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal("ranked_responses[0].rank", d.Field);
        Assert.Equal(2, d.Line);
    }

    [Fact]
    public async Task ReadAsync_Rubric_ValidatesDimensionsAndRange()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.jsonl", """
            {"query_id":"q1","model":"X","annotator":"h1","scores":{"content_quality":3,"creative_merit":2,"cultural_appropriateness":1,"task_fulfillment":0,"overall_preference":2}}
            {"query_id":"q1","model":"Y","annotator":"h1","scores":{"content_quality":4}}
            {"query_id":"q1","model":"Y","annotator":"h1","scores":{"style":1}}
            """);
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        var r = Assert.Single(set.Rubric);
        Assert.Equal(0, r.Scores[RubricDimension.TaskFulfilment]);
        Assert.Equal(5, r.Scores.Count);
        Assert.Equal("s.jsonl:2: field 'scores.content_quality': expected an integer from 0 to 3, got 4", set.Diagnostics[0].ToString());
        Assert.Equal("scores.style", set.Diagnostics[1].Field);
    }

    [Fact]
    public async Task ReadAsync_RubricWithTopLevelDimensions_Reads()
    {
        using var dir = new TempDirectory();
        var path = dir.File("s.jsonl", """
            {"query_id":"q1","model":"X","annotator":"h1","content_quality":2,"creative_merit":2,"cultural_appropriateness":1,"task_fulfillment":1,"overall_preference":2}
            {"query_id":"q1","model":"Y","annotator":"h1","content_quality":5}
            """);
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        Assert.Equal(1, Assert.Single(set.Rubric).Scores[RubricDimension.TaskFulfilment]);
        Assert.Equal("s.jsonl:2: field 'content_quality': expected an integer from 0 to 3, got 5", Assert.Single(set.Diagnostics).ToString());
    }

    [Fact]
    public async Task ReadAsync_Csv_ReadsQuotedCellsAndReportsBadRows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.csv", "query_id,model_a,model_b,annotator,verdict\nq1,\"M,1\",M2,h1,b\nq2,M1,M2,h1\nq3,M1,M2,h1,x\n");
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        var p = Assert.Single(set.Pairwise);
        Assert.Equal("M,1", p.ModelA);
        Assert.Equal(Verdict.B, p.Verdict);
        Assert.Equal("p.csv:3: 4 cells but the header has 5", set.Diagnostics[0].ToString());
        Assert.Equal("p.csv:4: field 'verdict': expected a, b or tie, got 'x'", set.Diagnostics[1].ToString());
    }

    [Fact]
    public async Task ReadAllAsync_DuplicateVerdict_KeepsFirstAndReports()
    {
        using var dir = new TempDirectory();
        var a = dir.File("a.jsonl", """{"query_id":"q1","model_a":"X","model_b":"Y","annotator":"h1","verdict":"a"}""");
        var b = dir.File("b.jsonl", """{"query_id":"q1","model_a":"Y","model_b":"X","annotator":"h1","verdict":"a"}""");
        var set = await JudgmentFileReader.ReadAllAsync([a, b], null, TestContext.Current.CancellationToken);
        Assert.Equal("a.jsonl:1", Assert.Single(set.Pairwise).Source);
        Assert.Contains("duplicate verdict of 'h1'", Assert.Single(set.Diagnostics).Message, StringComparison.Ordinal);
    }
}
