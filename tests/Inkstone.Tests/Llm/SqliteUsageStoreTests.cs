using Inkstone.Llm.Usage;

namespace Inkstone.Tests.Llm;

public sealed class SqliteUsageStoreTests
{
    [Fact]
    public async Task SaveAsync_ThenLoad_RoundTripsPerRunAndReplaces()
    {
        var dir = Directory.CreateTempSubdirectory("inkstone-usage-");
        try
        {
            var ct = TestContext.Current.CancellationToken;
            var store = new SqliteUsageStore(Path.Combine(dir.FullName, "w.db"));
            var ledger = new UsageLedger();
            ledger.RecordCall("judge", cacheHit: false, 120, 30);
            ledger.RecordCall("judge", cacheHit: true, 999, 999);
            ledger.RecordInvalidAnswer("judge");
            ledger.RecordFailedCall("scoring");
            await store.SaveAsync("run-1", ledger.Snapshot(), ct);
            await store.SaveAsync("run-2", [new ModelUsage("judge", 1, 1, 0, 0, 0)], ct);
            Assert.Equal([new ModelUsage("judge", 2, 1, 120, 30, 1), new ModelUsage("scoring", 1, 0, 0, 0, 1)], await store.LoadAsync("run-1", ct));

            await store.SaveAsync("run-1", [new ModelUsage("judge", 5, 5, 0, 0, 0)], ct);
            Assert.Equal(5, (await store.LoadAsync("run-1", ct)).Single(u => u.Model == "judge").Calls);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
