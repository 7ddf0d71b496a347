namespace Inkstone.Llm.Caching;

/// <summary>A persistent store of model answers keyed by <see cref="ResponseCacheKey"/>, so that re-running a finished step sends nothing.</summary>
public interface IResponseCache
{
    Task<CachedResponse?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores or replaces the answer for <paramref name="key"/>.</summary>
    Task SetAsync(string key, CachedResponse response, CancellationToken cancellationToken = default);

    /// <summary>Forgets an answer (one that failed validation must be asked again next run); false when none was stored.</summary>
    Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
