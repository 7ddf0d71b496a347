using Inkstone.Text.NearDuplicates;

namespace Inkstone.Tests.Text.NearDuplicates;

public sealed class ContainmentFinderTests
{
    private static async IAsyncEnumerable<(int Index, string Text)> Docs(params string[] texts)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            await Task.Yield();
            yield return (i, texts[i]);
        }
    }

    [Fact]
    public async Task FindAsync_QueryCopiedIntoLongText_IsFullyContained()
    {
        var query = MinHasherTests.Ideographs(0, 40);              // 36 shingles
        var training = MinHasherTests.Ideographs(500, 400) + query + MinHasherTests.Ideographs(1000, 400);
        var scan = await new ContainmentFinder().FindAsync(Docs(query, MinHasherTests.Ideographs(3000, 40), ""), Docs(MinHasherTests.Ideographs(2000, 300), training),
            TestContext.Current.CancellationToken);
        var pair = Assert.Single(scan.Pairs);
        Assert.Equal((0, 1, 1.0), (pair.Query, pair.Reference, pair.Containment));
        Assert.Equal([2], scan.EmptyQueries);
        Assert.Equal(2, scan.ReferenceDocuments);
        // Jaccard of the same pair is 36 / 836: far below any dedup threshold
        Assert.Equal(36.0 / (36 + 836 - 36), new NearDuplicateFinder().ExactJaccard(query, training), 12);
    }

    [Fact]
    public async Task FindAsync_HalfOfQueryCopied_ReportsShareAgainstThreshold()
    {
        // query characters 0–39 (36 shingles); the reference holds characters 0–21 (18 shingles): containment 18/36
        var query = MinHasherTests.Ideographs(0, 40);
        var reference = MinHasherTests.Ideographs(0, 22) + "。" + MinHasherTests.Ideographs(900, 50);
        var loose = await new ContainmentFinder(threshold: 0.5).FindAsync(Docs(query), Docs(reference), TestContext.Current.CancellationToken);
        Assert.Equal(0.5, Assert.Single(loose.Pairs).Containment, 12);
        var strict = await new ContainmentFinder(threshold: 0.51).FindAsync(Docs(query), Docs(reference), TestContext.Current.CancellationToken);
        Assert.Empty(strict.Pairs);
    }
}
