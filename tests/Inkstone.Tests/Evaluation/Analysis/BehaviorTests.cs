using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judging;
using Inkstone.Evaluation.Queries;
using Inkstone.Llm.Prompts;

namespace Inkstone.Tests.Evaluation.Analysis;

public sealed class BehaviorTests
{
    [Fact]
    public void Segments_ReasoningThenAnswerLines_BlankLinesDropped() =>
        Assert.Equal(["plan", "check", "line one", "line two"], ReasoningBehaviors.Segments("plan\n\ncheck\n", "line one\r\n\nline two"));

    private static LlmBehaviorLabeler Labeler(FakeModelLayer layer) => new(layer.Runner, FakeModelLayer.Prompt(PromptIds.LabelReasoning), layer.Model);

    private static string Labels(params string[] labels) =>
        "{\"labels\":[" + string.Join(",", labels.Select((l, i) => $"{{\"segment\":{i + 1},\"behaviour\":\"{l}\"}}")) + "]}";

    [Fact]
    public async Task LabelAsync_WrongCountOrUnknownLabel_IsError()
    {
        var ok = await Labeler(FakeModelLayer.Text(_ => Labels("deep_reasoning", "normal_writing"))).LabelAsync(["a", "b"], TestContext.Current.CancellationToken);
        Assert.Equal([ReasoningBehavior.DeepReasoning, ReasoningBehavior.NormalWriting], ok.Labels);
        var wrongCount = await Labeler(FakeModelLayer.Text(_ => Labels("deep_reasoning"))).LabelAsync(["a", "b"], TestContext.Current.CancellationToken);
        Assert.Equal("1 labels for 2 segments", wrongCount.Error);
        var unknown = await Labeler(FakeModelLayer.Text(_ => Labels("musing", "normal_writing"))).LabelAsync(["a", "b"], TestContext.Current.CancellationToken);
        Assert.Null(unknown.Labels);
        Assert.NotNull(unknown.Error);
    }

    [Fact]
    public async Task RunBehaviorAsync_ThenDistribution_CountsSharesPerModelAndLanguage()
    {
        using var dir = new TempDirectory();
        BenchmarkQuery[] queries = [new("z1", "zh", "poetry", "写诗", new()), new("e1", "en", "poetry", "Write", new())];
        GenerationRecord G(string q, string m, string? reasoning, string answer) => new(q, m, 0, answer, reasoning, null, null, 0, null, null, DateTimeOffset.UnixEpoch);
        var gens = new[] { G("z1", "M", "先构思\n再检查", "床前明月光"), G("e1", "M", null, "Line") };
        // The fake labeler calls reasoning lines (containing 构思/检查) deep_reasoning/self_reflection and the rest normal_writing.
        var layer = FakeModelLayer.Text(prompt =>
        {
            var lines = prompt.Split('\n').Where(l => l.Length > 2 && char.IsDigit(l[0]) && l[1] == '.').Select(l => l[3..]).ToList();
            return Labels(lines.Select(l => l.Contains("构思", StringComparison.Ordinal) ? "deep_reasoning" : l.Contains("检查", StringComparison.Ordinal) ? "self_reflection" : "normal_writing").ToArray());
        });
        var path = dir.Combine("behavior.jsonl");
        var summary = await LlmJudgeRunner.RunBehaviorAsync(Labeler(layer), queries, gens, ["M"], path, new LlmJudgeRunOptions { JudgeName = "j" }, TestContext.Current.CancellationToken);
        Assert.Equal(2, summary.Judged);
        var (labels, problems) = await BehaviorLabelFile.ReadAsync(path, TestContext.Current.CancellationToken);
        Assert.Empty(problems);
        Assert.Equal(4, labels.Count);
        var dist = BehaviorDistribution.Compute(labels, queries.ToDictionary(q => q.Id, q => q.Language));
        var zh = dist.Single(d => d.Language == "zh");
        Assert.Equal(3, zh.Segments);
        Assert.Equal(1.0 / 3, zh.Share(ReasoningBehavior.DeepReasoning), 12);
        Assert.Equal(1.0 / 3, zh.Share(ReasoningBehavior.SelfReflection), 12);
        Assert.Equal(0.0, zh.Share(ReasoningBehavior.SelfExploration), 12);
        Assert.Equal(1.0, dist.Single(d => d.Language == "en").Share(ReasoningBehavior.NormalWriting), 12);
        var again = await LlmJudgeRunner.RunBehaviorAsync(Labeler(layer), queries, gens, ["M"], path, new LlmJudgeRunOptions { JudgeName = "j" }, TestContext.Current.CancellationToken);
        Assert.Equal(2, again.Skipped);
    }
}
