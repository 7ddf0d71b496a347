using Inkstone.Llm.Structured;

namespace Inkstone.Curation.Items;

/// <summary>
/// Groups quarantine reasons into kinds, so that a thousand "connection refused" lines read as one line with a count.
/// A model diagnostic reads "TEMPLATE on MODEL: KIND: message" (<see cref="LlmFailure"/>); other reasons are grouped by
/// their first clause.
/// </summary>
public static class FailureKinds
{
    private const int MaxKindLength = 60;

    private static readonly string[] s_kinds = Enum.GetNames<LlmFailureKind>();

    public static string Classify(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "unknown";
        foreach (var kind in s_kinds)
        {
            var marker = kind + ": ";
            var at = reason.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || (at > 0 && reason[at - 1] != ' ')) continue;
            // Transport failures differ by what the server said: keep "HTTP 400" or "Connection refused" in the kind.
            var rest = reason[(at + marker.Length)..];
            return kind == nameof(LlmFailureKind.Transport) ? Shorten($"{kind}: {FirstClause(rest)}") : kind;
        }

        return Shorten(FirstClause(reason));
    }

    private static string FirstClause(string text)
    {
        var end = text.IndexOfAny([':', '(', ';', '\n']);
        return (end > 0 ? text[..end] : text).Trim();
    }

    private static string Shorten(string kind) => kind.Length <= MaxKindLength ? kind : kind[..(MaxKindLength - 1)] + "…";
}
