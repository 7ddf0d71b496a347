using System.Text;
using Inkstone.Text.NearDuplicates;

namespace Inkstone.Tests.Text.NearDuplicates;

public sealed class MinHasherTests
{
    /// <summary>Distinct CJK ideographs U+4E00 + first … + first + count − 1.</summary>
    internal static string Ideographs(int first, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++) builder.Append((char)(0x4E00 + first + i));
        return builder.ToString();
    }

    [Fact]
    public void Signature_SameSeed_IsDeterministic()
    {
        var a = new MinHasher(new MinHashOptions { Seed = 7 }).Signature("床前明月光，疑是地上霜。")!;
        var b = new MinHasher(new MinHashOptions { Seed = 7 }).Signature("床前明月光，疑是地上霜。")!;
        var c = new MinHasher(new MinHashOptions { Seed = 8 }).Signature("床前明月光，疑是地上霜。")!;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void EstimateJaccard_IdenticalTexts_IsOne()
    {
        var hasher = new MinHasher();
        Assert.Equal(1.0, MinHasher.EstimateJaccard(hasher.Signature("同一段文字")!, hasher.Signature("同一段文字")!));
    }

    [Fact]
    public void EstimateJaccard_KnownOverlap_AveragesToExactJaccard()
    {
        // With 1-character shingles, characters 0–99 and 50–149 share 50 of 150: J = 1/3.
        // One estimate has standard error √(J(1 − J)/128) ≈ .042; the mean of 40 seeds ≈ .0066.
        var a = Ideographs(0, 100);
        var b = Ideographs(50, 100);
        Assert.Equal(1.0 / 3, CharacterShingles.Jaccard(CharacterShingles.Hashes(a, 1), CharacterShingles.Hashes(b, 1)), 12);
        var estimates = Enumerable.Range(1, 40).Select(seed =>
        {
            var hasher = new MinHasher(new MinHashOptions { ShingleSize = 1, Seed = (ulong)seed });
            return MinHasher.EstimateJaccard(hasher.Signature(a)!, hasher.Signature(b)!);
        }).ToList();
        Assert.InRange(estimates.Average(), 1.0 / 3 - 0.025, 1.0 / 3 + 0.025);
        Assert.All(estimates, e => Assert.InRange(e, 1.0 / 3 - 0.17, 1.0 / 3 + 0.17));
    }

    [Fact]
    public void Signature_EmptyText_IsNull() => Assert.Null(new MinHasher().Signature(" \n "));

    [Fact]
    public void Options_BandsNotDividingPermutations_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHasher(new MinHashOptions { Permutations = 128, Bands = 12 }));
}
