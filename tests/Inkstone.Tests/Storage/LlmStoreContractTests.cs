using Inkstone.Llm.Caching;
using Inkstone.Llm.Storage;
using Inkstone.Llm.Usage;
using Inkstone.Storage;

namespace Inkstone.Tests.Storage;

/// <summary>
/// The model layer's cache and usage tables on a workspace store. The SQLite subclass runs in the unit suite; the
/// PostgreSQL subclass (same source file, compiled into the integration suite) runs against a private cluster.
/// </summary>
public abstract class LlmStoreContractTests
{
    /// <summary>Opens a store on this test's own database with the given migrations; every call reaches the same database.</summary>
    protected abstract Task<IWorkspaceStore> OpenStoreAsync(IEnumerable<SchemaMigration> migrations);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset s_at = new(2026, 3, 1, 8, 30, 15, TimeSpan.Zero);

    [Fact]
    public async Task Cache_SetGetReplaceRemove_RoundTripsEveryField()
    {
        await using var store = await OpenStoreAsync(LlmSchema.Migrations);
        var cache = new WorkspaceResponseCache(store);
        Assert.Null(await cache.GetAsync("k1", Ct));

        await cache.SetAsync("k1", new CachedResponse("openai|m|http://x/v1", "screen.article@v1", "{\"a\":1}", 120, null, s_at), Ct);
        await cache.SetAsync("k2", new CachedResponse("openai|m|http://x/v1", "score.query@v1", "{\"b\":\"秋\"}", null, 7, s_at.AddDays(1)), Ct);
        Assert.Equal(new CachedResponse("openai|m|http://x/v1", "screen.article@v1", "{\"a\":1}", 120, null, s_at), await cache.GetAsync("k1", Ct));
        Assert.Equal(new CachedResponse("openai|m|http://x/v1", "score.query@v1", "{\"b\":\"秋\"}", null, 7, s_at.AddDays(1)), await cache.GetAsync("k2", Ct));
        Assert.Equal(2, await cache.CountAsync(Ct));

        await cache.SetAsync("k1", new CachedResponse("openai|m|http://x/v1", "screen.article@v1", "{\"a\":2}", 5, 6, s_at), Ct);
        Assert.Equal("{\"a\":2}", (await cache.GetAsync("k1", Ct))!.ResponseJson);
        Assert.Equal(2, await cache.CountAsync(Ct));

        Assert.True(await cache.RemoveAsync("k1", Ct));
        Assert.False(await cache.RemoveAsync("k1", Ct));
        Assert.Null(await cache.GetAsync("k1", Ct));
        Assert.Equal(1, await cache.CountAsync(Ct));
    }

    [Fact]
    public async Task Cache_ReopenedStore_KeepsAnswersAndMigratesOnce()
    {
        await using (var first = await OpenStoreAsync(LlmSchema.Migrations))
            await new WorkspaceResponseCache(first).SetAsync("k", new CachedResponse("m", "p@v1", "{}", 1, 2, s_at), Ct);
        await using var second = await OpenStoreAsync(LlmSchema.Migrations);
        Assert.Equal("{}", (await new WorkspaceResponseCache(second).GetAsync("k", Ct))!.ResponseJson);
        Assert.Single(await second.ListAppliedMigrationsAsync(Ct), m => m.Module == LlmSchema.Module);
    }

    [Fact]
    public async Task Usage_SaveThenLoad_RoundTripsPerRunAndReplaces()
    {
        await using var store = await OpenStoreAsync(LlmSchema.Migrations);
        var usage = new WorkspaceUsageStore(store);
        var ledger = new UsageLedger();
        ledger.RecordCall("judge", cacheHit: false, 120, 30);
        ledger.RecordCall("judge", cacheHit: true, 999, 999);
        ledger.RecordInvalidAnswer("judge");
        ledger.RecordFailedCall("Scoring");
        await usage.SaveAsync("run-1", ledger.Snapshot(), Ct);
        await usage.SaveAsync("run-2", [new ModelUsage("judge", 1, 1, 0, 0, 0)], Ct);
        // Ordinal order ("S" < "j") whatever the database's collation.
        Assert.Equal([new ModelUsage("Scoring", 1, 0, 0, 0, 1), new ModelUsage("judge", 2, 1, 120, 30, 1)], await usage.LoadAsync("run-1", Ct));

        await usage.SaveAsync("run-1", [new ModelUsage("judge", 5, 5, 0, 0, 0)], Ct);
        Assert.Equal(5, (await usage.LoadAsync("run-1", Ct)).Single(u => u.Model == "judge").Calls);
        Assert.Empty(await usage.LoadAsync("run-3", Ct));
    }
}
