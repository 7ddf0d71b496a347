using Inkstone.Text.NearDuplicates;

namespace Inkstone.Tests.Text.NearDuplicates;

public sealed class CharacterShinglesTests
{
    [Fact]
    public void Normalize_FullWidthCaseAndWhitespace_AreFolded() =>
        Assert.Equal("abc def", CharacterShingles.Normalize("  ＡＢＣ \t\n Def "));

    [Fact]
    public void Jaccard_OneChangedCharacter_IsThreeFifths()
    {
        // abcdefgh: abcde bcdef cdefg defgh; abcdefgX: abcde bcdef cdefg defgX → 3 shared of 5
        var a = CharacterShingles.Hashes("abcdefgh", 5);
        var b = CharacterShingles.Hashes("abcdefgX", 5);
        Assert.Equal(4, a.Count);
        Assert.Equal(0.6, CharacterShingles.Jaccard(a, b), 12);
    }

    [Fact]
    public void Hashes_TextShorterThanShingle_IsOneShingle()
    {
        Assert.Single(CharacterShingles.Hashes("春眠", 5));
        Assert.Empty(CharacterShingles.Hashes("  \n", 5));
    }

    [Fact]
    public void Hashes_NonBmpCharacters_CountAsOneCodePointEach()
    {
        // 𠀀𠀁𠀂 with n = 2: 𠀀𠀁, 𠀁𠀂
        Assert.Equal(2, CharacterShingles.Hashes("𠀀𠀁𠀂", 2).Count);
    }

    [Fact]
    public void Hashes_LoneSurrogate_IsReadAsReplacementCharacter() =>
        Assert.Equal(CharacterShingles.Hashes("ab\uFFFDcd", 3), CharacterShingles.Hashes("ab\uD800cd", 3));

    [Fact]
    public void Jaccard_BothEmpty_IsOne() => Assert.Equal(1, CharacterShingles.Jaccard(new HashSet<ulong>(), new HashSet<ulong>()));
}
