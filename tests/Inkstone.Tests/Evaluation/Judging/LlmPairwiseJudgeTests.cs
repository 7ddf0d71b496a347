using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judging;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Statistics;
using Inkstone.Llm.Prompts;

namespace Inkstone.Tests.Evaluation.Judging;

public sealed class LlmPairwiseJudgeTests
{
    private const string MarkA = "【回答 A】";
    private const string MarkB = "【回答 B】";

    /// <summary>A judge that always prefers the answer containing "good", whatever its position.</summary>
    private static FakeModelLayer Fair() => FakeModelLayer.Text(prompt =>
    {
        var a = Between(prompt, MarkA, MarkB);
        return a.Contains("good", StringComparison.Ordinal) ? "{\"winner\": \"A\", \"reason\": \"r\"}" : "```json\n{\"winner\": \"B\", \"reason\": \"r\"}\n```";
    });

    private static LlmPairwiseJudge Judge(FakeModelLayer layer) => new(layer.Runner, FakeModelLayer.Prompt(PromptIds.JudgePairwise), layer.Model);

    private static string Between(string s, string from, string to)
    {
        var i = s.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return s[i..s.IndexOf(to, i, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task JudgeAsync_ConsistentJudge_KeepsVerdictAndAsksBothOrders()
    {
        var layer = Fair();
        var outcome = await Judge(layer).JudgeAsync("task", "bad text", "good text", TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.B, outcome.Verdict);
        Assert.False(outcome.PositionInconsistent);
        Assert.Equal(2, layer.Client.Prompts.Count);
        Assert.Contains(MarkA + "\nbad text", layer.Client.Prompts[0], StringComparison.Ordinal);
        Assert.Contains(MarkA + "\ngood text", layer.Client.Prompts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_JudgeAlwaysPicksFirst_IsTieAndInconsistent()
    {
        var outcome = await Judge(FakeModelLayer.Text(_ => "<think>hmm</think>{\"winner\":\"A\",\"reason\":\"first\"}")).JudgeAsync("t", "x", "y", TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Tie, outcome.Verdict);
        Assert.True(outcome.PositionInconsistent);
        Assert.Equal(Verdict.A, outcome.Original);
        Assert.Equal(Verdict.B, outcome.Swapped);
    }

    [Fact]
    public async Task JudgeAsync_UnreadableReply_IsErrorWithKindAndRawAnswerNotVerdict()
    {
        var layer = FakeModelLayer.Text(_ => "I think A is better");
        var outcome = await Judge(layer).JudgeAsync("t", "x", "y", TestContext.Current.CancellationToken);
        Assert.Null(outcome.Verdict);
        Assert.StartsWith("order A,B: MalformedJson", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("order B,A: MalformedJson", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("(answer: I think A is better)", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(2, layer.Ledger.Total().Failures);
    }

    [Fact]
    public async Task JudgeAsync_OneOrderFails_IsErrorNamingThatOrder()
    {
        var calls = 0;
        var layer = FakeModelLayer.Text(_ => Interlocked.Increment(ref calls) == 1 ? "{\"winner\":\"A\",\"reason\":\"r\"}" : "{\"winner\":\"C\",\"reason\":\"r\"}");
        var outcome = await Judge(layer).JudgeAsync("t", "x", "y", TestContext.Current.CancellationToken);
        Assert.Null(outcome.Verdict);
        Assert.Equal(Verdict.A, outcome.Original);
        Assert.StartsWith("order B,A: ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_AnswerContainingPlaceholder_IsNotExpanded()
    {
        var layer = Fair();
        await Judge(layer).JudgeAsync("q", "{{answer_b}}", "B!", TestContext.Current.CancellationToken);
        Assert.Contains(MarkA + "\n{{answer_b}}", layer.Client.Prompts[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_OutOfRange_IsError_InRange_MapsEveryDimension()
    {
        var bad = FakeModelLayer.Text(_ => "{\"content_quality\":4,\"creative_merit\":1,\"cultural_appropriateness\":1,\"task_fulfilment\":1,\"overall_preference\":1,\"reason\":\"x\"}");
        var (none, error) = await new LlmRubricJudge(bad.Runner, FakeModelLayer.Prompt(PromptIds.JudgeRubric), bad.Model).ScoreAsync("q", "a", TestContext.Current.CancellationToken);
        Assert.Null(none);
        Assert.Contains("OutOfRange", error, StringComparison.Ordinal);
        Assert.Contains("content_quality", error, StringComparison.Ordinal);

        var good = FakeModelLayer.Text(_ => "Scores: {\"content_quality\":3,\"creative_merit\":1,\"cultural_appropriateness\":0,\"task_fulfilment\":2,\"overall_preference\":2,\"reason\":\"x\"}");
        var (scores, _) = await new LlmRubricJudge(good.Runner, FakeModelLayer.Prompt(PromptIds.JudgeRubric), good.Model).ScoreAsync("q", "a", TestContext.Current.CancellationToken);
        Assert.NotNull(scores);
        Assert.Equal((3, 1, 0, 2, 2), (scores[RubricDimension.ContentQuality], scores[RubricDimension.CreativeMerit], scores[RubricDimension.CulturalAppropriateness],
            scores[RubricDimension.TaskFulfilment], scores[RubricDimension.OverallPreference]));
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
        var judge = Judge(Fair());
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

    [Fact]
    public async Task RunRubricAsync_InvalidAnswer_IsListedWithDiagnosticAndNotWritten()
    {
        using var dir = new TempDirectory();
        BenchmarkQuery[] queries = [new("q1", "zh", "poetry", "task", new())];
        var gens = new[] { ("M1", "fine"), ("M2", "broken") }
            .Select(g => new GenerationRecord("q1", g.Item1, 0, g.Item2, null, null, null, 1, null, null, DateTimeOffset.UnixEpoch)).ToList();
        // The answer "broken" gets a reply missing overall_preference.
        var layer = FakeModelLayer.Text(prompt => prompt.Contains("broken", StringComparison.Ordinal)
            ? "{\"content_quality\":1,\"creative_merit\":1,\"cultural_appropriateness\":1,\"task_fulfilment\":1,\"reason\":\"x\"}"
            : "{\"content_quality\":2,\"creative_merit\":3,\"cultural_appropriateness\":1,\"task_fulfilment\":0,\"overall_preference\":2,\"reason\":\"x\"}");
        var judge = new LlmRubricJudge(layer.Runner, FakeModelLayer.Prompt(PromptIds.JudgeRubric), layer.Model);
        var path = dir.Combine("rubric.jsonl");
        var summary = await LlmJudgeRunner.RunRubricAsync(judge, queries, gens, ["M1", "M2"], path, new LlmJudgeRunOptions { JudgeName = "j" }, TestContext.Current.CancellationToken);
        Assert.Equal(1, summary.Judged);
        var failure = Assert.Single(summary.Failures);
        Assert.StartsWith("q1 M2: SchemaMismatch", failure, StringComparison.Ordinal);
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        var written = Assert.Single(set.Rubric);
        Assert.Equal(("M1", 3, 0), (written.Model, written.Scores[RubricDimension.CreativeMerit], written.Scores[RubricDimension.TaskFulfilment]));
        Assert.Contains("\"prompt_version\":\"judge.rubric@v1\"", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
