namespace Inkstone.Model;

/// <summary>Where a source text came from (paper §2.1): URL tracing, platform, author, publication time and engagement.</summary>
public sealed record Provenance
{
    public string? Url { get; init; }
    public string? Platform { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public Engagement? Engagement { get; init; }
}
