using System.Collections.Concurrent;
using Inkstone.Llm.Structured;
using Inkstone.Testing;

namespace Inkstone.Tests.Llm;

/// <summary>The issue's acceptance run: 1,000 scoring calls, 20 % of items faulted on their first request.</summary>
public sealed class FaultInjectionTests
{
    private enum Fault { None, RateLimited, ServerError, Timeout, TruncatedJson, OutOfRange, WrongType }

    // Faults are a pure function of the item, so the test knows independently what each item must end as.
    private static Fault FaultOf(int item) => item % 5 != 0 ? Fault.None : (Fault)(1 + item / 5 % 6);

    private static int Quality(int item) => item % 10 + 1;
    private static int Creativity(int item) => item * 7 % 10 + 1;

    [Fact]
    public async Task ThousandCalls_TwentyPercentFaults_NothingLostAndSecondRunAsksOnlyForQuarantined()
    {
        var seen = new ConcurrentDictionary<int, int>();
        var run = 1;
        StubReply Script(StubRequest r)
        {
            var item = OpenAICompatibleBackendTests.ItemOf(r);
            var attempt = seen.AddOrUpdate(item, 1, (_, n) => n + 1);
            var good = StubReply.Answer($"{{\"quality\": {Quality(item)}, \"creativity\": {Creativity(item)}}}");
            if (Volatile.Read(ref run) > 1) return good;
            // Transport faults hit the first attempt only (a retry gets through); bad content is what the model says all run long.
            return FaultOf(item) switch
            {
                Fault.RateLimited when attempt == 1 => StubReply.Error(429, retryAfterSeconds: 1),
                Fault.ServerError when attempt == 1 => StubReply.Error(500),
                Fault.Timeout when attempt == 1 => StubReply.Hang(TimeSpan.FromSeconds(6), good.Content!),
                Fault.TruncatedJson => StubReply.Answer($"{{\"quality\": {Quality(item)}, \"crea", "length"),
                Fault.OutOfRange => StubReply.Answer($"{{\"quality\": 11, \"creativity\": {Creativity(item)}}}"),
                Fault.WrongType => StubReply.Answer($"{{\"quality\": \"高\", \"creativity\": {Creativity(item)}}}"),
                _ => good,
            };
        }

        await using var h = new StubHarness(Script, m => m with { MaxConcurrency = 64, AttemptTimeout = TimeSpan.FromSeconds(2) });
        var ct = TestContext.Current.CancellationToken;
        var items = Enumerable.Range(0, 1000).ToList();

        var first = await RunAllAsync(h, items, ct);
        Assert.Equal(1000, first.Count);
        var expectedQuarantine = new Dictionary<Fault, LlmFailureKind>
        {
            [Fault.TruncatedJson] = LlmFailureKind.Truncated,
            [Fault.OutOfRange] = LlmFailureKind.OutOfRange,
            [Fault.WrongType] = LlmFailureKind.SchemaMismatch,
        };
        foreach (var (item, outcome) in first)
        {
            if (expectedQuarantine.TryGetValue(FaultOf(item), out var kind))
            {
                Assert.False(outcome.IsSuccess, $"item {item} with fault {FaultOf(item)} was not quarantined");
                Assert.Equal(kind, outcome.Failure.Kind);
                Assert.False(string.IsNullOrEmpty(outcome.Failure.RawAnswer));
            }
            else
            {
                Assert.True(outcome.IsSuccess, $"item {item} ({FaultOf(item)}): {outcome}");
                Assert.Equal((Quality(item), Creativity(item)), (outcome.Value.Quality, outcome.Value.Creativity));
            }
        }
        var quarantined = first.Where(p => !p.Value.IsSuccess).Select(p => p.Key).Order().ToList();
        Assert.Equal(items.Where(i => expectedQuarantine.ContainsKey(FaultOf(i))), quarantined);
        Assert.Equal(200, items.Count(i => FaultOf(i) != Fault.None));

        var requestsBefore = h.Server.RequestCount;
        h.NewRun();
        Volatile.Write(ref run, 2);
        var second = await RunAllAsync(h, items, ct);
        Assert.Equal(quarantined.Count, h.Server.RequestCount - requestsBefore);
        Assert.All(second, p => Assert.Equal((Quality(p.Key), Creativity(p.Key)), (p.Value.Value!.Quality, p.Value.Value.Creativity)));
        Assert.Equal(1000 - quarantined.Count, h.Ledger.Total().CacheHits);
    }

    private static async Task<Dictionary<int, LlmOutcome<ScoreResult>>> RunAllAsync(StubHarness h, List<int> items, CancellationToken ct)
    {
        var results = new ConcurrentDictionary<int, LlmOutcome<ScoreResult>>();
        var duplicates = 0;
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 128, CancellationToken = ct }, async (item, token) =>
        {
            var outcome = await h.Runner.RunAsync<ScoreResult>(OpenAICompatibleBackendTests.ScoreTemplate, OpenAICompatibleBackendTests.Item(item), h.Model, token);
            if (!results.TryAdd(item, outcome)) Interlocked.Increment(ref duplicates);
        });
        Assert.Equal(0, duplicates);
        return results.ToDictionary();
    }
}
