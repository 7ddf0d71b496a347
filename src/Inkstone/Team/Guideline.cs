namespace Inkstone.Team;

/// <summary>One published version of a guideline (<c>annotation</c> or <c>review</c>), Markdown as written.</summary>
public sealed record Guideline(string Kind, int Version, string Markdown, string PublishedBy, DateTimeOffset PublishedAt)
{
    public static IReadOnlyList<string> Kinds { get; } = ["annotation", "review"];
}
