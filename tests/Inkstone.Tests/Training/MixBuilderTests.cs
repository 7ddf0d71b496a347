using Inkstone.Model;
using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class MixBuilderTests
{
    private static readonly MixConfiguration[] Nested =
    [
        new("cw", null, 0),
        new("cw_10", null, 10),
        new("cw_50", null, 50),
        new("cw_120", null, 120),
        new("g", 0, 120),
    ];

    private static HashSet<string> GeneralIds(MixConfigurationResult c) => c.GeneralTrain.Concat(c.GeneralValidation).Select(s => s.Id).ToHashSet();

    [Fact]
    public async Task BuildAsync_GeneralDraws_AreNestedAndBaselineSharesTheLargest()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 300);
        var result = await MixBuilder.BuildAsync(data.Plan(Nested, general: pool), TrainingTestData.Triplets(40, "a", "b"), strict: false, TestContext.Current.CancellationToken);

        var byName = result.Configurations.ToDictionary(c => c.Name);
        var g10 = GeneralIds(byName["cw_10"]);
        var g50 = GeneralIds(byName["cw_50"]);
        var g120 = GeneralIds(byName["cw_120"]);
        Assert.Equal([10, 50, 120], new[] { g10.Count, g50.Count, g120.Count });
        Assert.Subset(g50, g10);
        Assert.Subset(g120, g50);
        Assert.True(g120.SetEquals(GeneralIds(byName["g"])));
        Assert.Empty(byName["cw"].GeneralTrain);
        Assert.Subset(byName["cw_120"].GeneralValidation.Select(s => s.Id).ToHashSet(), byName["cw_50"].GeneralValidation.Select(s => s.Id).ToHashSet());
    }

    [Fact]
    public async Task BuildAsync_PaperDefaults_GiveTable1CountsWithNested1kIn5kIn10k()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 10_500);
        var plan = data.Plan(MixConfiguration.PaperDefaults, general: pool);
        var result = await MixBuilder.BuildAsync(plan, TrainingTestData.Triplets(1665, "a", "b", "c"), strict: false, TestContext.Current.CancellationToken);

        var byName = result.Configurations.ToDictionary(c => c.Name);
        Assert.Equal([1665, 2665, 6665, 11665, 10000], result.Configurations.Select(c => c.Total));
        Assert.Equal([1665, 1665, 1665, 1665, 0], result.Configurations.Select(c => c.ProcessCount));
        Assert.Subset(GeneralIds(byName["cw_5k"]), GeneralIds(byName["cw_1k"]));
        Assert.Subset(GeneralIds(byName["cw_10k"]), GeneralIds(byName["cw_5k"]));
        Assert.True(GeneralIds(byName["cw_10k"]).SetEquals(GeneralIds(byName["g"])));
        // 555 per genre at 0.05 → 27 held out per genre; general 1k/5k/10k → 50/250/500.
        Assert.Equal([81, 131, 331, 581, 500], result.Configurations.Select(c => c.ValidationCount));
    }

    [Fact]
    public async Task BuildAsync_GeneralDraw_IsWithoutReplacementAndFromThePool()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 150);
        var result = await MixBuilder.BuildAsync(data.Plan([new("g", 0, 150)], general: pool), [], strict: false, TestContext.Current.CancellationToken);
        // Drawing the whole pool must give every line exactly once.
        Assert.Equal(Enumerable.Range(1, 150), result.GeneralOrder.Select(s => s.Line).Order());
    }

    [Fact]
    public async Task BuildAsync_AllProcess_UsesEveryTripletInEveryConfiguration()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 200);
        var triplets = TrainingTestData.Triplets(60, "a", "b", "c", "d");
        var result = await MixBuilder.BuildAsync(data.Plan(Nested, general: pool), triplets, strict: false, TestContext.Current.CancellationToken);

        foreach (var c in result.Configurations.Where(c => c.Name != "g"))
        {
            Assert.Equal(60, c.ProcessCount);
            Assert.Equal(triplets.Select(t => t.Id).Order(), c.ProcessTrain.Concat(c.ProcessValidation).Select(t => t.Id).Order());
            Assert.Equal(result.Configurations[0].ProcessValidation.Select(t => t.Id), c.ProcessValidation.Select(t => t.Id));
        }

        Assert.Equal(0, result.Configurations.Single(c => c.Name == "g").ProcessCount);
        // Table-1 arithmetic: total = process + general.
        Assert.Equal([60, 70, 110, 180, 120], result.Configurations.Select(c => c.Total));
    }

    [Theory]
    // 15 per genre: fraction 0.05 → ⌊0.75⌋ = 0, raised to 1 per genre; 0.2 → 3 per genre; 0 → none.
    [InlineData("0.05", 4)]
    [InlineData("0.2", 12)]
    [InlineData("0", 0)]
    public async Task BuildAsync_ProcessValidation_IsPerGenre(string fraction, int expected)
    {
        using var data = new TrainingTestData();
        var plan = data.Plan([new("cw", null, 0)]) with { Validation = new ValidationSplitOptions { Fraction = decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture) } };
        var result = await MixBuilder.BuildAsync(plan, TrainingTestData.Triplets(60, "a", "b", "c", "d"), strict: false, TestContext.Current.CancellationToken);
        var c = result.Configurations.Single();
        Assert.Equal(expected, c.ProcessValidation.Count);
        Assert.Equal(60 - expected, c.ProcessTrain.Count);
        Assert.All(c.ProcessValidation.GroupBy(t => t.GenreId), g => Assert.Equal(expected / 4, g.Count()));
    }

    [Fact]
    public async Task BuildAsync_SmallGenre_KeepsAllItsTripletsForTraining()
    {
        using var data = new TrainingTestData();
        // Genre "big" has 30 (1 held out at 0.05); genre "small" has 9 < min_genre_size 10 (none held out).
        var triplets = TrainingTestData.Triplets(30, "big").Concat(TrainingTestData.Triplets(9, "small").Select(t => t with { Id = "s" + t.Id })).ToList();
        var result = await MixBuilder.BuildAsync(data.Plan([new("cw", null, 0)]), triplets, strict: false, TestContext.Current.CancellationToken);
        var validation = result.Configurations.Single().ProcessValidation;
        Assert.Single(validation);
        Assert.Equal("big", validation[0].GenreId);
    }

    [Fact]
    public async Task BuildAsync_GeneralValidation_IsEveryTwentiethPosition()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 100);
        var result = await MixBuilder.BuildAsync(data.Plan([new("g", 0, 50)], general: pool), [], strict: false, TestContext.Current.CancellationToken);
        var c = result.Configurations.Single();
        // ⌊50 · 0.05⌋ = 2 validation samples, at permutation positions 19 and 39.
        Assert.Equal([result.GeneralOrder[19].Id, result.GeneralOrder[39].Id], c.GeneralValidation.Select(s => s.Id));
        Assert.Equal(48, c.GeneralTrain.Count);
    }

    [Fact]
    public async Task BuildAsync_ProcessSubset_AllocatesByLargestRemainder()
    {
        using var data = new TrainingTestData();
        // Genres a:7, b:2, c:1 of 10; drawing 5 gives quotas 3.5, 1.0, 0.5 → 3, 1, 0 plus one seat to the tie a/c, won by "a".
        var triplets = Enumerable.Range(0, 10).Select(i => new Triplet
        {
            Id = $"x{i}", Query = "q", Thought = "t", Answer = "a",
            GenreId = i < 7 ? "a" : i < 9 ? "b" : "c",
        }).ToList();
        var plan = data.Plan([new("half", 5, 0)]) with { Validation = new ValidationSplitOptions { Fraction = 0 } };
        var result = await MixBuilder.BuildAsync(plan, triplets, strict: false, TestContext.Current.CancellationToken);
        var counts = result.Configurations.Single().ProcessTrain.GroupBy(t => t.GenreId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["a"] = 4, ["b"] = 1 }, counts);
    }

    [Fact]
    public async Task BuildAsync_SameSeed_SameDrawAndDifferentSeed_DifferentDraw()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 200);
        var triplets = TrainingTestData.Triplets(60, "a", "b");
        async Task<(string[] General, string[] Validation)> Draw(long seed, IReadOnlyList<Triplet> input)
        {
            var plan = data.Plan([new("m", null, 40)], seed, pool);
            var r = await MixBuilder.BuildAsync(plan, input, strict: false, TestContext.Current.CancellationToken);
            return (r.GeneralOrder.Select(s => s.Id).ToArray(), r.Configurations[0].ProcessValidation.Select(t => t.Id).ToArray());
        }

        var first = await Draw(42, triplets);
        var again = await Draw(42, triplets.AsEnumerable().Reverse().ToList());
        var other = await Draw(43, triplets);
        Assert.Equal(first.General, again.General);
        Assert.Equal(first.Validation, again.Validation);
        Assert.NotEqual(first.General, other.General);
    }

    [Fact]
    public async Task BuildAsync_BadGeneralLines_ReportsThemAndMixesTheValidOnes()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 60, [(0, "{oops"), (30, """{"messages":[{"role":"user","content":"only a question"}]}""")]);
        var plan = data.Plan([new("cw_60", null, 60)], general: pool);
        var result = await MixBuilder.BuildAsync(plan, TrainingTestData.Triplets(20, "a"), strict: false, TestContext.Current.CancellationToken);

        Assert.False(result.Stopped);
        Assert.Equal(["pool.jsonl:1: (line)", "pool.jsonl:32: messages[0]"], result.GeneralIssues.Select(i => $"{i.File}:{i.Line}: {i.Field}"));
        Assert.Equal(60, result.GeneralPoolSize);
        Assert.Equal(60, result.Configurations.Single().GeneralCount);
    }

    [Fact]
    public async Task BuildAsync_StrictWithBadLines_StopsWithoutMixing()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 60, [(10, "[]")]);
        var result = await MixBuilder.BuildAsync(data.Plan([new("cw_5", null, 5)], general: pool), TrainingTestData.Triplets(20, "a"), strict: true, TestContext.Current.CancellationToken);
        Assert.True(result.Stopped);
        Assert.Empty(result.Configurations);
        Assert.Equal("pool.jsonl:11: (line): expected a JSON object, found an array", result.GeneralIssues.Single().ToString());
    }

    [Fact]
    public async Task BuildAsync_StrictWithCleanInput_Mixes()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 30);
        var result = await MixBuilder.BuildAsync(data.Plan([new("cw_5", null, 5)], general: pool), TrainingTestData.Triplets(20, "a"), strict: true, TestContext.Current.CancellationToken);
        Assert.False(result.Stopped);
        Assert.Single(result.Configurations);
    }

    [Fact]
    public async Task BuildAsync_PoolTooSmall_NamesTheConfiguration()
    {
        using var data = new TrainingTestData();
        var pool = data.WriteGeneralPool("pool.jsonl", 30, [(5, "x")]);
        var ex = await Assert.ThrowsAsync<TrainingDataException>(() =>
            MixBuilder.BuildAsync(data.Plan([new("cw_big", null, 31)], general: pool), TrainingTestData.Triplets(4, "a"), strict: false, TestContext.Current.CancellationToken));
        Assert.Contains("'cw_big' draws 31 general samples but the pool has 30 valid ones (1 lines rejected)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_DuplicateIdsAndThinkTags_AreReportedAndLeftOut()
    {
        using var data = new TrainingTestData();
        var triplets = TrainingTestData.Triplets(5, "a");
        triplets.Add(triplets[0] with { Answer = "another" });
        triplets.Add(new Triplet { Id = "tagged", Query = "q", Thought = "x </think> y", Answer = "a", GenreId = "a" });
        var result = await MixBuilder.BuildAsync(data.Plan([new("cw", null, 0)]), triplets, strict: false, TestContext.Current.CancellationToken);
        Assert.Equal(["triplet t000: id", "triplet tagged: thought"], result.ProcessIssues.Select(i => $"triplet {i.TripletId}: {i.Field}"));
        Assert.Equal(5, result.ProcessAvailable);
    }
}
