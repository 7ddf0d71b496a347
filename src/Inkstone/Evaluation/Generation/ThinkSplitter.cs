using System.Text;

namespace Inkstone.Evaluation.Generation;

/// <summary>
/// Splits reasoning emitted inline as &lt;think&gt;…&lt;/think&gt; from the answer. Several blocks are joined with a blank line.
/// A text that has a closing tag but no opening one (chat templates that put &lt;think&gt; into the prompt) has its reasoning
/// before the tag. An unclosed &lt;think&gt; means the model stopped while reasoning: all of it is reasoning and the answer is empty.
/// </summary>
public static class ThinkSplitter
{
    private const string Open = "<think>";
    private const string Close = "</think>";

    public static (string Answer, string? Reasoning) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reasoning = new List<string>();
        var answer = new StringBuilder();
        var pos = 0;
        var firstClose = text.IndexOf(Close, StringComparison.Ordinal);
        var firstOpen = text.IndexOf(Open, StringComparison.Ordinal);
        if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen))
        {
            reasoning.Add(text[..firstClose].Trim());
            pos = firstClose + Close.Length;
        }
        while (pos < text.Length)
        {
            var open = text.IndexOf(Open, pos, StringComparison.Ordinal);
            if (open < 0) { answer.Append(text, pos, text.Length - pos); break; }
            answer.Append(text, pos, open - pos);
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0) { reasoning.Add(text[(open + Open.Length)..].Trim()); break; }
            reasoning.Add(text[(open + Open.Length)..close].Trim());
            pos = close + Close.Length;
        }
        var joined = string.Join("\n\n", reasoning.Where(r => r.Length > 0));
        return (answer.ToString().Trim(), reasoning.Count == 0 ? null : joined);
    }
}
