namespace Inkstone.Llm.Structured;

/// <summary>
/// Finds the JSON object in a model's answer: the whole answer, a fenced ```json block, or the last balanced {…} in the
/// text (models often put prose before or after the object). Returns null when none is complete.
/// </summary>
public static class JsonAnswerExtractor
{
    public static string? Extract(string answer)
    {
        var text = answer.Trim();
        if (text.Length == 0) return null;
        if (text[0] == '{' && BalancedEnd(text, 0) == text.Length - 1) return text;

        var fenced = FromFence(text);
        if (fenced is not null) return fenced;

        // The last complete top-level object wins: reasoning models tend to put the final answer last.
        string? last = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{') continue;
            var end = BalancedEnd(text, i);
            if (end < 0) continue;
            last = text[i..(end + 1)];
            i = end;
        }
        return last;
    }

    private static string? FromFence(string text)
    {
        var start = text.IndexOf("```", StringComparison.Ordinal);
        while (start >= 0)
        {
            var bodyStart = text.IndexOf('\n', start);
            if (bodyStart < 0) return null;
            var close = text.IndexOf("```", bodyStart, StringComparison.Ordinal);
            if (close < 0) return null;
            var body = text[(bodyStart + 1)..close].Trim();
            if (body.Length > 0 && body[0] == '{' && BalancedEnd(body, 0) == body.Length - 1) return body;
            start = text.IndexOf("```", close + 3, StringComparison.Ordinal);
        }
        return null;
    }

    /// <summary>Index of the brace closing the object opened at <paramref name="start"/>, honouring strings and escapes; -1 if it never closes.</summary>
    private static int BalancedEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': depth++; break;
                case '}' or ']':
                    depth--;
                    if (depth == 0) return c == '}' ? i : -1;
                    if (depth < 0) return -1;
                    break;
            }
        }
        return -1;
    }
}
