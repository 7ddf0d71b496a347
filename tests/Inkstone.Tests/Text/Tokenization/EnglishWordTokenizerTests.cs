using Inkstone.Text.Tokenization;

namespace Inkstone.Tests.Text.Tokenization;

public sealed class EnglishWordTokenizerTests
{
    [Fact]
    public void Tokenize_MixedText_SplitsWordsNumbersAndSymbols()
    {
        var tokens = EnglishWordTokenizer.Tokenize("He said \"don't\" — it's well-known: 3.14 and 1,000 apples, 李白.");
        Assert.Equal(["He", "said", "\"", "don't", "\"", "—", "it's", "well-known", ":", "3.14", "and", "1,000", "apples", ",", "李", "白", "."], tokens);
    }

    [Fact]
    public void Tokenize_TrailingApostropheAndHyphen_StayOutsideWord()
    {
        Assert.Equal(["dogs", "'", "end", "-", "x"], EnglishWordTokenizer.Tokenize("dogs' end- x"));
    }

    [Fact]
    public void Tokenize_CombiningMarkAndTypographicApostrophe_StayInsideWord()
    {
        Assert.Equal(["cafe\u0301", "isn’t"], EnglishWordTokenizer.Tokenize("cafe\u0301 isn’t"));
    }

    [Fact]
    public void Tokenize_LoneSurrogate_IsReplacementCharacterToken()
    {
        Assert.Equal(["ab", "\uFFFD", "c"], EnglishWordTokenizer.Tokenize("ab\uD800 c"));
        Assert.Equal(["ab", "\uFFFD"], EnglishWordTokenizer.Tokenize("ab\uDC00"));
    }

    [Fact]
    public void CountEnglishWords_IgnoresNumbersHanAndNonLatinWords()
    {
        // He said don't it's well-known and apples = 7; "Привет" is a word but not Latin
        Assert.Equal(7, EnglishWordTokenizer.CountEnglishWords("He said \"don't\" — it's well-known: 3.14 and 1,000 apples, 李白 Привет."));
    }

    [Theory]
    [InlineData("，", true)]
    [InlineData("...", true)]
    [InlineData(" ", true)]
    [InlineData("\n\t", true)]
    [InlineData("～", true)]
    [InlineData("😀", true)]
    [InlineData("\u200d", true)]
    [InlineData("", true)]
    [InlineData("a", false)]
    [InlineData("中", false)]
    [InlineData("3", false)]
    [InlineData("a.", false)]
    public void IsPunctuationOrWhitespace_Token_ClassifiesByCategories(string token, bool expected) =>
        Assert.Equal(expected, TokenClassifier.IsPunctuationOrWhitespace(token));
}
