using Inkstone.Cli;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.IntegrationTests.Evaluation;

/// <summary>`eval judge` against a loopback OpenAI-compatible judge: both presentation orders over real HTTP.</summary>
[Collection(nameof(EvalGenerateOverHttpTests))]
public sealed class EvalJudgeOverHttpTests
{
    [Fact]
    public async Task Judge_Pairwise_AsksBothOrdersAndMarksPositionBias()
    {
        var ct = TestContext.Current.CancellationToken;
        // The judge prefers the answer that mentions "moon"; with neither, it always picks the first one shown.
        await using var server = new OpenAiStubServer((_, prompt) =>
        {
            var a = prompt[(prompt.IndexOf("[Answer A]", StringComparison.Ordinal) + 10)..prompt.IndexOf("[Answer B]", StringComparison.Ordinal)];
            var b = prompt[(prompt.IndexOf("[Answer B]", StringComparison.Ordinal) + 10)..prompt.IndexOf("Reply with", StringComparison.Ordinal)];
            var verdict = a.Contains("moon", StringComparison.Ordinal) ? "A" : b.Contains("moon", StringComparison.Ordinal) ? "B" : "A";
            return $"<think>compare</think>{{\"verdict\": \"{verdict}\", \"reason\": \"r\"}}";
        });
        var dir = Path.Combine(Path.GetTempPath(), "inkstone-judge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var queries = Path.Combine(dir, "q.jsonl");
            await File.WriteAllTextAsync(queries, "{\"id\":\"zh-1\",\"language\":\"zh\",\"genre\":\"modern_poetry\",\"query\":\"写月亮\"}\n", ct);
            var gens = Path.Combine(dir, "gen.jsonl");
            await using (var w = new StreamWriter(gens))
                foreach (var (m, text) in new[] { ("M1", "the moon rises"), ("M2", "a river"), ("M3", "a hill") })
                    await GenerationResultsFile.AppendAsync(w, new GenerationRecord("zh-1", m, 0, text, null, null, null, 1, "stop", null, DateTimeOffset.UnixEpoch), ct);
            var judgeModel = Path.Combine(dir, "judge.json");
            await File.WriteAllTextAsync(judgeModel, $$"""{"models": [{"name": "stub-judge", "endpoint": "{{server.Endpoint}}", "model": "judge", "temperature": 0}]}""", ct);
            var output = Path.Combine(dir, "llm.jsonl");
            string[] args = ["eval", "judge", "--queries", queries, "--generations", gens, "--judge-model", judgeModel, "--models", "M1", "M2", "M3", "-o", output];
            Assert.Equal(0, await CliApp.CreateRootCommand().Parse(args).InvokeAsync(cancellationToken: ct));
            Assert.Equal(6, server.Requests.Count); // 3 pairs × 2 orders

            var set = await JudgmentFileReader.ReadAsync(output, null, ct);
            Assert.Empty(set.Diagnostics);
            Assert.All(set.Pairwise, p => Assert.Equal(("stub-judge", JudgeKind.Llm), (p.Judge, p.JudgeKind)));
            Assert.Equal(Verdict.A, set.Pairwise.Single(p => p.ModelA == "M1" && p.ModelB == "M2").Verdict);
            var biased = set.Pairwise.Single(p => p.ModelA == "M2" && p.ModelB == "M3");
            Assert.Equal(Verdict.Tie, biased.Verdict);
            Assert.True(biased.PositionInconsistent);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
