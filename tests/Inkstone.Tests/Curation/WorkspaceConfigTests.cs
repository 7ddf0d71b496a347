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
