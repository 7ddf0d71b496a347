using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judging;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Judging;

public sealed class LlmPairwiseJudgeTests
{
    /// <summary>A judge that always prefers the answer containing "good", whatever its position.</summary>
    private static FakeChatClient Fair() => FakeChatClient.Text(prompt =>
    {
        var a = Between(prompt, "[Answer A]", "[Answer B]");
        return a.Contains("good", StringComparison.Ordinal) ? "{\"verdict\": \"A\", \"reason\": \"r\"}" : "```json\n{\"verdict\": \"B\"}\n```";
    });

    private static string Between(string s, string from, string to)
    {
        var i = s.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return s[i..s.IndexOf(to, i, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task JudgeAsync_ConsistentJudge_KeepsVerdictAndAsksBothOrders()
    {
        var client = Fair();
        var outcome = await new LlmPairwiseJudge(client).JudgeAsync("task", "bad text", "good text", TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.B, outcome.Verdict);
        Assert.False(outcome.PositionInconsistent);
        Assert.Equal(2, client.Prompts.Count);
        Assert.Contains("[Answer A]\nbad text", client.Prompts[0], StringComparison.Ordinal);
        Assert.Contains("[Answer A]\ngood text", client.Prompts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_JudgeAlwaysPicksFirst_IsTieAndInconsistent()
    {
        var outcome = await new LlmPairwiseJudge(FakeChatClient.Text(_ => "<think>hmm</think>{\"verdict\":\"A\"}")).JudgeAsync("t", "x", "y", TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Tie, outcome.Verdict);
        Assert.True(outcome.PositionInconsistent);
        Assert.Equal(Verdict.A, outcome.Original);
        Assert.Equal(Verdict.B, outcome.Swapped);
    }

    [Fact]
    public async Task JudgeAsync_UnreadableReply_IsErrorNotVerdict()
    {
        var outcome = await new LlmPairwiseJudge(FakeChatClient.Text(_ => "I think A is better")).JudgeAsync("t", "x", "y", TestContext.Current.CancellationToken);
        Assert.Null(outcome.Verdict);
        Assert.Contains("no JSON object", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnswerContainingPlaceholder_IsNotExpanded()
    {
        var text = JudgePrompt.PairwiseV1.Render(new Dictionary<string, string> { ["query"] = "q", ["answer_a"] = "{{answer_b}}", ["answer_b"] = "B!" });
        Assert.Contains("[Answer A]\n{{answer_b}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseScores_OutOfRange_IsError()
    {
        Assert.False(JudgeReplyParser.TryParseScores("{\"content_quality\":4,\"creative_merit\":1,\"cultural_appropriateness\":1,\"task_fulfilment\":1,\"overall_preference\":1}", out _, out var error));
        Assert.Contains("content_quality", error, StringComparison.Ordinal);
        Assert.True(JudgeReplyParser.TryParseScores("Scores: {\"content_quality\":3,\"creative_merit\":1,\"cultural_appropriateness\":0,\"task_fulfilment\":2,\"overall_preference\":2,\"reason\":\"x\"}", out var s, out _));
        Assert.Equal(0, s[RubricDimension.CulturalAppropriateness]);
    }

    [Fact]
    public async Task RunPairwiseAsync_WritesLlmJudgmentsAndResumes()
    {
        using var dir = new TempDirectory();
        var queries = new[] { new BenchmarkQuery("q1", "zh", "poetry", "task 1", new()), new BenchmarkQuery("q2", "zh", "poetry", "task 2", new()) };
        var gens = new List<GenerationRecord>();
        foreach (var q in queries)
            foreach (var (m, text) in new[] { ("M1", "good one"), ("M2", "meh"), ("M3", "meh too") })
                gens.Add(new GenerationRecord(q.Id, m, 0, text, null, null, null, 1, null, null, DateTimeOffset.UnixEpoch));
        gens.RemoveAll(g => g.QueryId == "q2" && g.Model == "M3");
        var path = dir.Combine("llm.jsonl");
        var client = Fair();
        var judge = new LlmPairwiseJudge(client);
        var options = new LlmJudgeRunOptions { JudgeName = "judge-x", MaxConcurrency = 1 };
        var summary = await LlmJudgeRunner.RunPairwiseAsync(judge, queries, gens, ["M1", "M2", "M3"], path, options, TestContext.Current.CancellationToken);
        // q1: 3 pairs; q2: only M1–M2 (M3 has no answer: listed, not judged)
        Assert.Equal(4, summary.Judged);
        Assert.Equal(2, summary.Failures.Count);
        // M2 vs M3 has no "good": the fair judge says B in both orders → inconsistent tie
        Assert.Equal(1, summary.PositionInconsistent);
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        Assert.Empty(set.Diagnostics);
        Assert.All(set.Pairwise, p => Assert.Equal(JudgeKind.Llm, p.JudgeKind));
        Assert.Equal(Verdict.A, set.Pairwise.Single(p => p.QueryId == "q1" && p.ModelA == "M1" && p.ModelB == "M2").Verdict);
        Assert.True(set.Pairwise.Single(p => p.ModelA == "M2" && p.ModelB == "M3").PositionInconsistent);

        var again = await LlmJudgeRunner.RunPairwiseAsync(judge, queries, gens, ["M1", "M2", "M3"], path, options, TestContext.Current.CancellationToken);
        Assert.Equal(0, again.Judged);
        Assert.Equal(4, again.Skipped);
    }
}
