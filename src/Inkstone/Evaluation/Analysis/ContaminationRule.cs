namespace Inkstone.Evaluation.Analysis;

/// <summary>
/// The rule for cross-lingual contamination: an answer to an English prompt is contaminated when it contains at least
/// <see cref="MinimumHanCharacters"/> Han characters (Unicode script Han: CJK unified ideographs, extensions and
/// compatibility ideographs). CJK punctuation alone does not count.
/// </summary>
public sealed record ContaminationRule(int MinimumHanCharacters = 5)
{
    public bool IsContaminated(string answer) => CountHan(answer) >= MinimumHanCharacters;

    public static int CountHan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var n = 0;
        foreach (var r in text.EnumerateRunes())
        {
            var v = r.Value;
            if (v is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x323AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F) or 0x3007)
                n++;
        }
        return n;
    }
}
