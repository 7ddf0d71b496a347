using System.Text;
using Inkstone.Text.Scripts;

namespace Inkstone.Tests.Text.Scripts;

public sealed class UnicodeScriptsTests
{
    [Theory]
    [InlineData(0x4E2D, true)]   // 中, CJK Unified Ideographs
    [InlineData(0x3400, true)]   // 㐀, Extension A
    [InlineData(0x20000, true)]  // 𠀀, Extension B
    [InlineData(0x31350, true)]  // Extension H
    [InlineData(0xF900, true)]   // 豈, compatibility ideograph
    [InlineData(0x2F00, true)]   // ⼀, Kangxi radical
    [InlineData(0x3005, true)]   // 々
    [InlineData(0x3007, true)]   // 〇
    [InlineData(0x3002, false)]  // 。
    [InlineData(0xFF0C, false)]  // ，
    [InlineData(0x3041, false)]  // ぁ
    [InlineData(0xAC00, false)]  // 가
    [InlineData(0x0041, false)]  // A
    [InlineData(0x9FFF, true)]
    [InlineData(0xA000, false)]  // Yi
    public void IsHan_CodePoint_FollowsScriptHan(int codePoint, bool expected) =>
        Assert.Equal(expected, UnicodeScripts.IsHan(new Rune(codePoint)));

    [Theory]
    [InlineData('a', true)]
    [InlineData('Z', true)]
    [InlineData('é', true)]
    [InlineData('ß', true)]
    [InlineData('Ａ', true)]  // fullwidth
    [InlineData('я', false)]
    [InlineData('1', false)]
    [InlineData('中', false)]
    public void IsLatinLetter_Char_FollowsScriptLatin(char c, bool expected) =>
        Assert.Equal(expected, UnicodeScripts.IsLatinLetter(new Rune(c)));

    [Fact]
    public void ScriptProfile_MixedText_CountsLettersByScript()
    {
        // Han 世 界; Latin H e l l o; other П р и в е т; digits, punctuation, space ignored
        var profile = ScriptProfile.Of("Hello, 世界! Привет 123");
        Assert.Equal(2, profile.HanCharacters);
        Assert.Equal(5, profile.LatinLetters);
        Assert.Equal(6, profile.OtherLetters);
        Assert.Equal(2.0 / 13, profile.HanShare, 12);
    }

    [Fact]
    public void ScriptProfile_NoLetters_SharesAreZero()
    {
        var profile = ScriptProfile.Of("123 !!");
        Assert.Equal(0, profile.Letters);
        Assert.Equal(0, profile.HanShare);
    }

    [Fact]
    public void CountHan_NonBmpCharacter_CountsOnce() => Assert.Equal(2, UnicodeScripts.CountHan("𠀀中a"));
}
