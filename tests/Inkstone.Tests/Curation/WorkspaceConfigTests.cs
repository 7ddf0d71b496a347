using Inkstone.Curation;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Curation;

public sealed class WorkspaceConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string json)
    {
        var path = _dir.Combine(WorkspaceConfig.FileName);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Load_MisspelledKeysAtAnyDepth_NamesEachPathWithSuggestion()
    {
        var path = Write("""
            {
              "gate": { "minimum_totl": 40 },
              "screening": { "min_qualty": 9, "mode": "none" },
              "gates": {},
              "colour": "blue",
              "llm": { "whatever_the_model_layer_checks": 1 }
            }
            """);
        var error = Assert.Throws<InvalidDataException>(() => WorkspaceConfig.Load(path));
        Assert.Contains("gate.minimum_totl: unknown setting (did you mean 'minimum_total'?)", error.Message);
        Assert.Contains("screening.min_qualty: unknown setting (did you mean 'min_quality'?)", error.Message);
        Assert.Contains("gates: unknown setting (did you mean 'gate'?)", error.Message);
        Assert.Contains("colour: unknown setting", error.Message);
        Assert.DoesNotContain("colour: unknown setting (", error.Message);
        Assert.DoesNotContain("whatever_the_model_layer_checks", error.Message);
        Assert.Equal(4, error.Message.Split("; ").Length);
    }

    [Fact]
    public void Load_SavedDefaultsWithEverySection_NoUnknownKeys()
    {
        var path = _dir.Combine(WorkspaceConfig.FileName);
        new WorkspaceConfig { Drafts = new() { Enabled = true } }.Save(path);
        Assert.True(WorkspaceConfig.Load(path).Drafts.Enabled);
    }

    [Fact]
    public void Load_ReviewAdjudicateDisagreements_ReadWhenSetFalseByDefault()
    {
        Assert.False(new WorkspaceConfig().Review.AdjudicateDisagreements);
        var path = Write("""{ "review": { "adjudicate_disagreements": true, "reviewers": 3 } }""");
        Assert.Equal((true, 3), (WorkspaceConfig.Load(path).Review.AdjudicateDisagreements, WorkspaceConfig.Load(path).Review.Reviewers));
    }

    [Fact]
    public void Defaults_HaveNoProblems() => Assert.Empty(new WorkspaceConfig().Problems());

    [Fact]
    public void Load_SavedDefaults_RoundTrips()
    {
        var path = _dir.Combine(WorkspaceConfig.FileName);
        new WorkspaceConfig().Save(path);
        Assert.Equal(new WorkspaceConfig().Gate, WorkspaceConfig.Load(path).Gate);
    }

    [Fact]
    public void Load_OutOfRangeAndUnknownValues_NamesEveryOne()
    {
        var path = Write("""
            {
              "assessment": { "model_min_each": 12, "model_min_mean": 0 },
              "screening": { "mode": "nnone", "min_quality": 11 },
              "ingest": { "near_duplicate_threshold": 0 },
              "gate": { "minimum_total": 70, "scorer": "robot" },
              "review": { "reviewers": 3, "specialist_reviewers": 2 }
            }
            """);
        var error = Assert.Throws<InvalidDataException>(() => WorkspaceConfig.Load(path));
        Assert.StartsWith(path + ": ", error.Message);
        foreach (var expected in new[]
        {
            "assessment.model_min_each: 12 is outside [1, 10]", "assessment.model_min_mean: 0 is outside [1, 10]",
            "screening.mode: 'nnone' is not one of model, none", "screening.min_quality: 11 is outside [1, 10]",
            "ingest.near_duplicate_threshold: 0 is outside (0, 1]", "gate.minimum_total: 70 is outside [6, 60]",
            "gate.scorer: 'robot' is not one of human, model", "review.specialist_reviewers: 2 is outside [3, 100]",
        })
            Assert.Contains(expected, error.Message);
        Assert.Equal(8, error.Message.Split("; ").Length);
    }

    [Fact]
    public void Load_BrokenJson_NamesTheLine()
    {
        var path = Write("{\n  \"gate\": { \"minimum_total\": 50,, }\n}");
        var error = Assert.Throws<InvalidDataException>(() => WorkspaceConfig.Load(path));
        Assert.StartsWith($"{path}: line 2:", error.Message);
    }
}
