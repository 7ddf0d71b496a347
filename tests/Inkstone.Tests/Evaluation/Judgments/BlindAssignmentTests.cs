using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Tests.Evaluation.Judgments;

public sealed class BlindAssignmentTests
{
    private static readonly string[] s_models = ["M_CW", "M_CW+10k", "M_G"];

    private static (List<BenchmarkQuery>, List<GenerationRecord>) Data()
    {
        var queries = Enumerable.Range(1, 6).Select(i => new BenchmarkQuery($"q{i}", "zh", "poetry", $"写第{i}首诗", new QueryConstraints())).ToList();
        var gens = queries.SelectMany(q => s_models.Select(m => new GenerationRecord(q.Id, m, 0, $"{m} answers {q.Id}", null, null, null, 1, "stop", null, DateTimeOffset.UnixEpoch))).ToList();
        gens.RemoveAll(g => g.QueryId == "q6" && g.Model == "M_G");
        return (queries, gens);
    }

    [Fact]
    public void Create_HidesModelsShufflesAndKeepsKey()
    {
        var (queries, gens) = Data();
        var assignment = BlindAssignment.Create(queries, gens, s_models, ["ann1", "ann2"], seed: 11);
        Assert.Equal(["q6 (no answer from M_G)"], assignment.SkippedQueries);
        foreach (var (annotator, items) in assignment.ItemsByAnnotator)
        {
            Assert.Equal(5, items.Count);
            foreach (var item in items)
            {
                Assert.True(assignment.Key.TryGet(item.ItemId, out var entry));
                Assert.Equal(annotator, entry.Annotator);
                Assert.Equal(["A", "B", "C"], item.Answers.Select(a => a.Label));
                // the key maps every label back to the model whose answer sits under it
                foreach (var answer in item.Answers) Assert.Equal($"{entry.Labels[answer.Label]} answers {entry.QueryId}", answer.Text);
                Assert.DoesNotContain(item.Query, s_models);
            }
        }
        var again = BlindAssignment.Create(queries, gens, s_models, ["ann1", "ann2"], seed: 11);
        Assert.Equal(assignment.Key.Entries.Select(e => string.Join(",", e.Labels.Values)), again.Key.Entries.Select(e => string.Join(",", e.Labels.Values)));
        var other = BlindAssignment.Create(queries, gens, s_models, ["ann1", "ann2"], seed: 12);
        Assert.NotEqual(assignment.Key.Entries.Select(e => e.QueryId + string.Join(",", e.Labels.Values)), other.Key.Entries.Select(e => e.QueryId + string.Join(",", e.Labels.Values)));
    }

    [Fact]
    public async Task BlindRanking_ReadBackThroughKey_GivesModelVerdicts()
    {
        var (queries, gens) = Data();
        var assignment = BlindAssignment.Create(queries, gens, s_models, ["ann1"], seed: 3);
        using var dir = new TempDirectory();
        await assignment.WriteAsync(dir.Combine("blind"), dir.Combine("key.jsonl"), TestContext.Current.CancellationToken);
        Assert.True(File.Exists(dir.Combine("blind/ann1.jsonl")));
        var key = await BlindKey.LoadAsync(dir.Combine("key.jsonl"), TestContext.Current.CancellationToken);
        var item = assignment.ItemsByAnnotator["ann1"][0];
        key.TryGet(item.ItemId, out var entry);
        // The annotator ranks the labels in the order that puts M_G first, then M_CW+10k, then M_CW.
        var labelOf = entry.Labels.ToDictionary(kv => kv.Value, kv => kv.Key);
        var path = dir.File("ranked.jsonl", $$"""{"item_id":"{{item.ItemId}}","annotator":"ann1","ranking":["{{labelOf["M_G"]}}","{{labelOf["M_CW+10k"]}}","{{labelOf["M_CW"]}}"]}""");
        var set = await JudgmentFileReader.ReadAsync(path, new JudgmentImportOptions { BlindKey = key }, TestContext.Current.CancellationToken);
        Assert.Empty(set.Diagnostics);
        Assert.Equal(3, set.Pairwise.Count);
        Assert.All(set.Pairwise, p => Assert.Equal(entry.QueryId, p.QueryId));
        var o = set.Pairwise.Select(p => p.ToOutcome()).Single(p => p.ModelA is "M_G" or "M_CW" && p.ModelB is "M_G" or "M_CW");
        Assert.Equal(Verdict.A, o.From("M_G"));
    }

    [Fact]
    public async Task BlindRecord_WithoutKey_IsLocatedError()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.jsonl", """{"item_id":"ann1-0001","ranking":["A","B"]}""");
        var set = await JudgmentFileReader.ReadAsync(path, null, TestContext.Current.CancellationToken);
        Assert.Equal("x.jsonl:1: field 'item_id': blind record (item_id) but no key file was given", Assert.Single(set.Diagnostics).ToString());
    }
}
