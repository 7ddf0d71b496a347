namespace Inkstone.Statistics;

/// <summary>How many accepted records share a key (a platform, a publication month).</summary>
public sealed record CountBucket(string Key, long Count);
