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

public sealed class MinHasherReferenceTests
{
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The documented definition, written out one shingle and one permutation at a time.</summary>
    private static ulong[] Reference(string normalized, int shingle, int permutations, ulong seed)
    {
        var salts = new ulong[permutations];
        var state = seed;
        for (var i = 0; i < permutations; i++) salts[i] = Mix(state += 0x9E3779B97F4A7C15UL);
        var runes = normalized.EnumerateRunes().Select(r => r.ToString()).ToList();
        var shingles = runes.Count <= shingle ? [normalized] : Enumerable.Range(0, runes.Count - shingle + 1).Select(k => string.Concat(runes.Skip(k).Take(shingle))).ToList();
        var signature = Enumerable.Repeat(ulong.MaxValue, permutations).ToArray();
        foreach (var s in shingles)
        {
            var fnv = 14695981039346656037UL;
            foreach (var c in s) fnv = (fnv ^ c) * 1099511628211UL;
            var x = Mix(fnv);
            for (var i = 0; i < permutations; i++) signature[i] = Math.Min(signature[i], Mix(x ^ salts[i]));
        }

        return signature;
    }

    [Theory]
    [InlineData(5, 128, 1UL)]
    [InlineData(3, 100, 9UL)]     // 100 = 12 × 8 + 4: the vector paths and the scalar tail
    [InlineData(1, 7, 3UL)]
    public void Signature_EqualsTheDocumentedDefinition(int shingle, int permutations, ulong seed)
    {
        var text = "床前明月光，疑是地上霜。举头望明月，低头思故乡。𠀀𠀁𠀂 abc";
        var hasher = new MinHasher(new MinHashOptions { ShingleSize = shingle, Permutations = permutations, Bands = 1, Seed = seed });
        Assert.Equal(Reference(CharacterShingles.Normalize(text), shingle, permutations, seed), hasher.Signature(text));
    }

    [Fact]
    public void Signature_OfSetAndOfRepeatedHashes_Agree()
    {
        var hasher = new MinHasher();
        var set = CharacterShingles.Hashes("春眠不觉晓，处处闻啼鸟。春眠不觉晓。", 5);
        var repeated = set.Concat(set).ToArray();
        Assert.Equal(hasher.Signature(set), hasher.Signature(new ReadOnlySpan<ulong>(repeated)));
    }
}
