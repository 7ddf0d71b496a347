using Inkstone.Model;
using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class MixReportBuilderTests
{
    private static async IAsyncEnumerable<Triplet> Stream(IEnumerable<Triplet> triplets)
    {
        foreach (var t in triplets)
        {
            await Task.Yield();
            yield return t;
        }
    }

    [Fact]
    public async Task BuildAsync_StreamedProcess_GivesTheSameMixAsAList()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 30);
        var plan = data.Plan([new("cw_20", null, 20)], general: pool);
        var triplets = TrainingTestData.Triplets(25, "a", "b");
        var fromList = await MixReportBuilder.BuildAsync(plan, triplets, new CharacterEstimateTokenCounter(), strict: false, TestContext.Current.CancellationToken);
        var fromStream = await MixReportBuilder.BuildAsync(plan, Stream(triplets), new CharacterEstimateTokenCounter(), strict: false, TestContext.Current.CancellationToken);
        Assert.Equal(fromList.Configurations[0].Train.Select(s => s.Id), fromStream.Configurations[0].Train.Select(s => s.Id));
    }

    [Fact]
    public async Task BuildAsync_FixedCutoff_CountsSamplesOverIt()
    {
        using var data = new TrainingTestData();
        var triplets = TrainingTestData.Triplets(12, "a");
        var plan = data.Plan([new("cw", null, 0)]) with
        {
            Validation = new ValidationSplitOptions { Fraction = 0 },
            Training = new TrainingHyperparameters { CutoffLength = 75 },
        };
        var report = await MixReportBuilder.BuildAsync(plan, triplets, new CharacterEstimateTokenCounter(), strict: false, TestContext.Current.CancellationToken);
        // Independent count: estimate = characters (all texts are Han/digits/space mixes) measured here with the same definition.
        static int Estimate(string s) => s.EnumerateRunes().Count(r => !r.IsAscii) + ((s.EnumerateRunes().Count(r => r.IsAscii) + 3) / 4);
        var expectedOver = triplets.Count(t => Estimate(t.Query) + Estimate("<think>\n" + t.Thought + "\n</think>\n\n" + t.Answer) + 10 > 75);
        Assert.False(report.CutoffDerived);
        Assert.Equal(75, report.CutoffLength);
        Assert.Equal(expectedOver, report.Configurations[0].TrainTokens.OverCutoff);
        Assert.InRange(expectedOver, 1, 11);
    }
}
