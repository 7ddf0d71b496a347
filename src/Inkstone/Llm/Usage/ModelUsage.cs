namespace Inkstone.Llm.Usage;

/// <summary>
/// Usage of one model over a run. <see cref="Calls"/> counts requests made by steps; <see cref="CacheHits"/> of them were
/// answered from the cache and sent nothing; tokens are those reported by the backend for requests actually sent;
/// <see cref="Failures"/> counts calls that ended without a usable result (transport or invalid answer).
/// </summary>
public sealed record ModelUsage(string Model, long Calls, long CacheHits, long InputTokens, long OutputTokens, long Failures)
{
    public long Sent => Calls - CacheHits;
}
