using System.Text;

namespace Inkstone.Text.Scripts;

/// <summary>
/// Decides whether a text (typically an answer to an English prompt) contains Chinese text — the paper's
/// cross-lingual contamination. A text contains Chinese when all three hold: at least
/// <see cref="ChineseContentOptions.MinHanCharacters"/> Han characters, a run of at least
/// <see cref="ChineseContentOptions.MinHanRun"/> consecutive Han characters, and a Han share of the letters of at
/// least <see cref="ChineseContentOptions.MinHanShare"/>. The run condition keeps scattered names (李白, 长安)
/// in an English story from counting; the total keeps a single quoted idiom from counting.
/// </summary>
public sealed class ChineseContentRule
{
    private readonly ChineseContentOptions _options;

    public ChineseContentRule(ChineseContentOptions? options = null)
    {
        _options = options ?? new ChineseContentOptions();
        _options.Validate();
    }

    public ChineseContentOptions Options => _options;

    /// <summary>Applies the rule to <paramref name="text"/>.</summary>
    public bool ContainsChinese(string text) => Evaluate(text).ContainsChinese;

    /// <summary>Applies the rule and returns the figures it was decided on.</summary>
    public ChineseContentVerdict Evaluate(string text)
    {
        int han = 0, latin = 0, other = 0, run = 0, longestRun = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (UnicodeScripts.IsHan(rune))
            {
                han++;
                run++;
                if (run > longestRun) longestRun = run;
                continue;
            }
            run = 0;
            if (UnicodeScripts.IsLatinLetter(rune)) latin++;
            else if (UnicodeScripts.IsOtherLetter(rune)) other++;
        }
        var profile = new ScriptProfile(han, latin, other);
        var contains = han >= _options.MinHanCharacters && longestRun >= _options.MinHanRun && profile.HanShare >= _options.MinHanShare;
        return new ChineseContentVerdict(contains, profile, longestRun);
    }
}
