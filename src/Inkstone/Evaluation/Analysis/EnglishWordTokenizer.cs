using System.Text.RegularExpressions;

namespace Inkstone.Evaluation.Analysis;

/// <summary>English words for TTR: maximal runs of letters and digits, joined across an inner apostrophe (don't, writer's), lower-cased.</summary>
public static partial class EnglishWordTokenizer
{
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Word().Matches(text).Select(m => m.Value.ToLowerInvariant().Replace('’', '\'')).ToArray();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
