using Inkstone.Curation.Dedup;

namespace Inkstone.Tests.Curation;

public sealed class MinHashNearDuplicateIndexTests
{
    private static string RandomText(int seed, int length)
    {
        var random = new Random(seed);
        return new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 3000))]);
    }

    // Exact Jaccard of the 5-gram sets, computed independently of the index.
    private static double Jaccard(string a, string b)
    {
        static HashSet<string> Shingles(string s)
        {
            var t = new string([.. s.Where(c => !char.IsWhiteSpace(c))]);
            return [.. Enumerable.Range(0, t.Length - 4).Select(i => t.Substring(i, 5))];
        }

        var x = Shingles(a);
        var y = Shingles(b);
        return (double)x.Intersect(y).Count() / x.Union(y).Count();
    }

    [Fact]
    public void FindDuplicate_FewEditsInLongText_FindsOriginal()
    {
        var index = new MinHashNearDuplicateIndex();
        var original = RandomText(1, 2000);
        index.Add("orig", index.ComputeSignature(original));
        index.Add("other", index.ComputeSignature(RandomText(2, 2000)));
        var edited = original[..500] + "改" + original[501..1500] + " \n " + original[1500..];
        Assert.Equal("orig", index.FindDuplicate(index.ComputeSignature(edited)));
    }

    [Fact]
    public void FindDuplicate_UnrelatedText_Null()
    {
        var index = new MinHashNearDuplicateIndex();
        index.Add("a", index.ComputeSignature(RandomText(1, 2000)));
        Assert.Null(index.FindDuplicate(index.ComputeSignature(RandomText(3, 2000))));
    }

    [Fact]
    public void Similarity_HalfSharedText_EstimatesExactJaccardWithinTolerance()
    {
        var index = new MinHashNearDuplicateIndex();
        var shared = RandomText(5, 1000);
        var a = shared + RandomText(6, 1000);
        var b = shared + RandomText(7, 1000);
        var exact = Jaccard(a, b); // ≈ 996 / 2996 ≈ 0.33
        var estimate = MinHashNearDuplicateIndex.Similarity(
            MinHashNearDuplicateIndex.Decode(index.ComputeSignature(a)), MinHashNearDuplicateIndex.Decode(index.ComputeSignature(b)));
        // 128 permutations: standard error sqrt(J(1-J)/128) ≈ 0.04; allow more than four of them.
        Assert.InRange(estimate, exact - 0.18, exact + 0.18);
    }

    [Fact]
    public void ComputeSignature_SameTextTwice_IdenticalBytesAndWhiteSpaceIgnored()
    {
        var index = new MinHashNearDuplicateIndex();
        Assert.Equal(index.ComputeSignature("春眠不觉晓，处处闻啼鸟"), new MinHashNearDuplicateIndex().ComputeSignature("春眠 不觉晓，\n处处闻啼鸟"));
    }

    [Fact]
    public void ComputeSignature_TextShorterThanShingle_StillComparable()
    {
        var index = new MinHashNearDuplicateIndex();
        index.Add("s", index.ComputeSignature("好诗"));
        Assert.Equal("s", index.FindDuplicate(index.ComputeSignature("好诗")));
        Assert.Null(index.FindDuplicate(index.ComputeSignature("坏诗")));
    }
}
