using System.Text.Json;
using Inkstone.Cli;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Statistics;
using Inkstone.Testing;
using Microsoft.Data.Sqlite;

namespace Inkstone.IntegrationTests.Evaluation;

/// <summary>
/// `eval generate` then `eval judge` against a loopback OpenAI-compatible stub server, through the model layer: models
/// declared in inkstone.json, real HTTP, the response cache and usage records in the workspace database.
/// </summary>
[CollectionDefinition(nameof(EvalGenerateOverHttpTests), DisableParallelization = true)]
[Collection(nameof(EvalGenerateOverHttpTests))]
public sealed class EvalGenerateOverHttpTests
{
    private const string MarkA = "【回答 A】";
    private const string MarkB = "【回答 B】";

    /// <summary>
    /// Writers answer "&lt;think&gt;planning for MODEL&lt;/think&gt;MODEL writes: QUERY". The judge prefers an answer written by
    /// "cw"; with neither answer by "cw" it picks whichever is shown first (a position bias).
    /// </summary>
    private static StubReply Script(StubRequest request)
    {
        using var body = request.Json();
        var model = body.RootElement.GetProperty("model").GetString()!;
        var prompt = request.LastUserText;
        if (model != "judge-model")
            return new StubReply { Content = $"<think>planning for {model}</think>{model} writes: {prompt}", PromptTokens = 11, CompletionTokens = 22 };
        if (prompt.Contains("编号片段", StringComparison.Ordinal))
        {
            // Behaviour labels: numbered lines "k. text"; planning lines are deep reasoning, the rest normal writing.
            var segments = prompt.Split('\n').Where(l => l.Length > 3 && char.IsAsciiDigit(l[0]) && l.Contains(". ", StringComparison.Ordinal)).ToList();
            var labels = segments.Select((l, i) => $"{{\"segment\": {i + 1}, \"behaviour\": \"{(l.Contains("planning", StringComparison.Ordinal) ? "deep_reasoning" : "normal_writing")}\"}}");
            return StubReply.Answer("{\"labels\": [" + string.Join(", ", labels) + "]}");
        }
        var a = Between(prompt, MarkA, MarkB);
        var b = Between(prompt, MarkB, "只输出");
        var winner = a.Contains("cw writes", StringComparison.Ordinal) ? "A" : b.Contains("cw writes", StringComparison.Ordinal) ? "B" : "A";
        return StubReply.Answer($"{{\"winner\": \"{winner}\", \"reason\": \"r\"}}");
    }

    private static string Between(string s, string from, string to)
    {
        var i = s.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return s[i..s.IndexOf(to, i, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task GenerateThenJudge_ThroughModelLayer_CachesAnswersAndRecordsUsage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new OpenAIStubServer(Script);
        var dir = Path.Combine(Path.GetTempPath(), "inkstone-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var queries = Path.Combine(dir, "q.jsonl");
            await File.WriteAllTextAsync(queries, "{\"id\":\"zh-1\",\"language\":\"zh\",\"genre\":\"slogan\",\"query\":\"为茶馆写广告语\"}\n{\"id\":\"en-1\",\"language\":\"en\",\"genre\":\"slogan\",\"query\":\"Slogan for a tea house\"}\n", ct);
            // The folder is the workspace: its inkstone.json declares the models, its database keeps the cache and usage.
            await File.WriteAllTextAsync(Path.Combine(dir, "inkstone.json"), $$"""
                { "llm": {
                  "models": {
                    "M_CW":  {"base_url": "{{server.BaseUrl}}", "model": "cw", "temperature": 0.7, "top_p": 0.9, "max_output_tokens": 256, "retry_attempts": 0},
                    "M_G":   {"base_url": "{{server.BaseUrl}}", "model": "general", "system_prompt": "You are a writer.", "retry_attempts": 0},
                    "M_X":   {"base_url": "{{server.BaseUrl}}", "model": "x", "retry_attempts": 0},
                    "judge": {"base_url": "{{server.BaseUrl}}", "model": "judge-model", "retry_attempts": 0}
                  },
                  "roles": {"judge": "judge", "labelling": "judge"}
                } }
                """, ct);
            var database = Path.Combine(dir, "workspace.db");
            string[] Generate(string output) => ["eval", "generate", "-w", dir, "--queries", queries, "--models", "M_CW", "M_G", "M_X", "--samples", "2", "-o", output];
            string[] Judge(string output) => ["eval", "judge", "-w", dir, "--queries", queries, "--generations", Path.Combine(dir, "gen.jsonl"),
                "--models", "M_CW", "M_G", "M_X", "-o", output];

            // Generation: 2 queries × 3 models × 2 samples, each sample its own request.
            Assert.Equal(0, await CliApp.CreateRootCommand().Parse(Generate(Path.Combine(dir, "gen.jsonl"))).InvokeAsync(cancellationToken: ct));
            Assert.Equal(12, server.RequestCount);
            var (records, problems) = await GenerationResultsFile.ReadAsync(Path.Combine(dir, "gen.jsonl"), ct);
            Assert.Empty(problems);
            Assert.Equal(12, records.Count);
            var r = records.Single(x => x.QueryId == "zh-1" && x.Model == "M_CW" && x.Sample == 1);
            Assert.Equal("cw writes: 为茶馆写广告语", r.Answer);
            Assert.Equal("planning for cw", r.Reasoning);
            Assert.Equal((11L, 22L), (r.InputTokens!.Value, r.OutputTokens!.Value));
            Assert.Equal("stop", r.FinishReason);
            using (var general = server.Requests.First(q => q.Body.Contains("\"general\"", StringComparison.Ordinal)).Json())
            {
                var messages = general.RootElement.GetProperty("messages");
                Assert.Equal(("system", "You are a writer."), (messages[0].GetProperty("role").GetString(), messages[0].GetProperty("content").GetString()));
            }
            using (var cw = server.Requests.First(q => q.Body.Contains("\"cw\"", StringComparison.Ordinal)).Json())
            {
                Assert.Equal(0.7, cw.RootElement.GetProperty("temperature").GetDouble(), 6);
                Assert.Equal(0.9, cw.RootElement.GetProperty("top_p").GetDouble(), 6);
                Assert.Equal(256, cw.RootElement.GetProperty("max_completion_tokens").GetInt32());
            }

            // A second run into a new results file is answered from the cache: nothing sent, the same answers.
            Assert.Equal(0, await CliApp.CreateRootCommand().Parse(Generate(Path.Combine(dir, "gen2.jsonl"))).InvokeAsync(cancellationToken: ct));
            Assert.Equal(12, server.RequestCount);
            var (again, _) = await GenerationResultsFile.ReadAsync(Path.Combine(dir, "gen2.jsonl"), ct);
            Assert.Equal(records.Select(x => (x.QueryId, x.Model, x.Sample, x.Answer)).Order(), again.Select(x => (x.QueryId, x.Model, x.Sample, x.Answer)).Order());

            // Judging: 2 queries × 3 pairs × 2 presentation orders.
            Assert.Equal(0, await CliApp.CreateRootCommand().Parse(Judge(Path.Combine(dir, "llm.jsonl"))).InvokeAsync(cancellationToken: ct));
            Assert.Equal(12 + 12, server.RequestCount);
            var set = await JudgmentFileReader.ReadAsync(Path.Combine(dir, "llm.jsonl"), null, ct);
            Assert.Empty(set.Diagnostics);
            Assert.Equal(6, set.Pairwise.Count);
            Assert.All(set.Pairwise, p => Assert.Equal(("judge", JudgeKind.Llm), (p.Judge, p.JudgeKind)));
            Assert.All(set.Pairwise.Where(p => p.ModelA == "M_CW"), p => Assert.Equal((Verdict.A, false), (p.Verdict, p.PositionInconsistent)));
            var biased = set.Pairwise.Where(p => p.ModelA == "M_G" && p.ModelB == "M_X").ToList();
            Assert.Equal(2, biased.Count);
            Assert.All(biased, p => Assert.Equal((Verdict.Tie, true), (p.Verdict, p.PositionInconsistent)));

            // A second judging run into a new judgments file asks every comparison again and the cache answers all of them.
            Assert.Equal(0, await CliApp.CreateRootCommand().Parse(Judge(Path.Combine(dir, "llm2.jsonl"))).InvokeAsync(cancellationToken: ct));
            Assert.Equal(24, server.RequestCount);
            var cached = await JudgmentFileReader.ReadAsync(Path.Combine(dir, "llm2.jsonl"), null, ct);
            Assert.Equal(set.Pairwise.Select(p => (p.QueryId, p.ModelA, p.ModelB, p.Verdict, p.PositionInconsistent)).Order(),
                cached.Pairwise.Select(p => (p.QueryId, p.ModelA, p.ModelB, p.Verdict, p.PositionInconsistent)).Order());

            // Behaviour labels: one call per output (2 queries × 3 models), one label per line of reasoning and answer.
            string[] label = ["eval", "judge", "--mode", "behavior", "-w", dir, "--queries", queries,
                "--generations", Path.Combine(dir, "gen.jsonl"), "--models", "M_CW", "M_G", "M_X", "-o", Path.Combine(dir, "labels.jsonl")];
            Assert.Equal(0, await CliApp.CreateRootCommand().Parse(label).InvokeAsync(cancellationToken: ct));
            Assert.Equal(24 + 6, server.RequestCount);
            var (labels, labelProblems) = await BehaviorLabelFile.ReadAsync(Path.Combine(dir, "labels.jsonl"), ct);
            Assert.Empty(labelProblems);
            Assert.Equal(12, labels.Count);
            Assert.All(labels, l => Assert.Equal(l.Segment == 0 ? ReasoningBehavior.DeepReasoning : ReasoningBehavior.NormalWriting, l.Behavior));
            Assert.All(labels, l => Assert.Equal("judge", l.Labeler));

            // Usage per run: five runs; the two repeat runs made all their calls from the cache.
            var usage = await ReadUsageAsync(database, ct);
            Assert.Equal(5, usage.Select(u => u.Run).Distinct().Count());
            var judgeRuns = usage.Where(u => u.Run.StartsWith("eval judge ", StringComparison.Ordinal)).OrderBy(u => u.Run, StringComparer.Ordinal).ToList();
            Assert.Equal([("judge", 12L, 0L), ("judge", 12L, 12L), ("judge", 6L, 0L)], judgeRuns.Select(u => (u.Model, u.Calls, u.CacheHits)));
            var generateRuns = usage.Where(u => u.Run.StartsWith("eval generate ", StringComparison.Ordinal)).ToList();
            Assert.Equal(6, generateRuns.Count); // 3 models × 2 runs
            Assert.All(generateRuns, u => Assert.Equal(4, u.Calls));
            Assert.Equal(12, generateRuns.Sum(u => u.CacheHits));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<List<(string Run, string Model, long Calls, long CacheHits)>> ReadUsageAsync(string database, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id, model, calls, cache_hits FROM llm_run_usage";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string, long, long)>();
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        return rows;
    }
}
