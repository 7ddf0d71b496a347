namespace Inkstone.Model;

/// <summary>Engagement metrics recorded as a quality prior (paper §2.1).</summary>
public sealed record Engagement(long? Likes, long? Shares, long? Comments);
