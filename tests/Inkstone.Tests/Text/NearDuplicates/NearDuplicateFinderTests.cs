using Inkstone.Text.NearDuplicates;

namespace Inkstone.Tests.Text.NearDuplicates;

public sealed class NearDuplicateFinderTests
{
    private static async IAsyncEnumerable<(int Index, string Text)> Docs(params string[] texts)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            await Task.Yield();
            yield return (i, texts[i]);
        }
    }

    private static readonly string Base = MinHasherTests.Ideographs(0, 300);

    // 300 characters, one changed in the middle: 5 of 296 shingles differ on each side → J = 291/301 ≈ .967
    private static readonly string OneChanged = Base[..150] + "X" + Base[151..];

    [Fact]
    public async Task FindWithin_DuplicatesAndNearDuplicates_ArePairedOthersNot()
    {
        var finder = new NearDuplicateFinder();
        var scan = await finder.FindWithinAsync(Docs(Base, MinHasherTests.Ideographs(1000, 300), OneChanged, Base, ""), TestContext.Current.CancellationToken);
        Assert.Equal(5, scan.Documents);
        Assert.Equal([4], scan.EmptyDocuments);
        var pairs = scan.Pairs.Select(p => (p.First, p.Second)).Order().ToList();
        // 2 and 3 both duplicate 0; 2 is not indexed once found to duplicate 0, so there is no pair (2, 3)
        Assert.Equal([(0, 2), (0, 3)], pairs);
        Assert.Equal(1.0, scan.Pairs.Single(p => p is { First: 0, Second: 3 }).EstimatedJaccard);
        Assert.InRange(scan.Pairs.Single(p => p is { First: 0, Second: 2 }).EstimatedJaccard, 0.85, 1.0);
        Assert.Equal(291.0 / 301, finder.ExactJaccard(Base, OneChanged), 12);
    }

    [Fact]
    public async Task FindWithin_ManyCopies_PairsEachWithTheFirstOnly()
    {
        var scan = await new NearDuplicateFinder().FindWithinAsync(Docs(Enumerable.Repeat(Base, 50).ToArray()), TestContext.Current.CancellationToken);
        Assert.Equal(49, scan.Pairs.Count);
        Assert.All(scan.Pairs, p => Assert.Equal(0, p.First));
        Assert.Equal(Enumerable.Range(1, 49), DuplicateClusters.From(scan.Pairs).Single().Skip(1));
    }

    [Fact]
    public async Task FindAgainst_LeakedQuery_IsPairedWithReference()
    {
        var finder = new NearDuplicateFinder();
        var scan = await finder.FindAgainstAsync(
            Docs(MinHasherTests.Ideographs(2000, 200), Base),
            Docs(MinHasherTests.Ideographs(5000, 200), OneChanged),
            cancellationToken: TestContext.Current.CancellationToken);
        var pair = Assert.Single(scan.Pairs);
        Assert.Equal((1, 1), (pair.First, pair.Second));
        Assert.Equal(2, scan.Documents);
    }

    [Fact]
    public async Task FindWithin_SameSeed_SameResult()
    {
        var first = await new NearDuplicateFinder().FindWithinAsync(Docs(Base, OneChanged), TestContext.Current.CancellationToken);
        var second = await new NearDuplicateFinder().FindWithinAsync(Docs(Base, OneChanged), TestContext.Current.CancellationToken);
        Assert.Equal(first.Pairs, second.Pairs);
    }

    [Fact]
    public void Clusters_TransitivePairs_FormOneGroup()
    {
        var clusters = DuplicateClusters.From([new(1, 2, 0.9), new(0, 1, 0.9), new(5, 7, 0.8)]);
        Assert.Equal(2, clusters.Count);
        Assert.Equal([0, 1, 2], clusters[0]);
        Assert.Equal([5, 7], clusters[1]);
    }

    [Fact]
    public void LshIndex_SharedBand_IsCandidate()
    {
        var index = new LshIndex(2, 2);
        index.Add(0, [1, 2, 3, 4]);
        index.Add(1, [9, 9, 9, 9]);
        Assert.Equal([0], index.Candidates([1, 2, 8, 8]));
        Assert.Empty(index.Candidates([1, 8, 3, 8]));
    }
}
