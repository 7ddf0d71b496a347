using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;

namespace Inkstone.Tests.Llm;

/// <summary>Many scoring calls at once through the real client pipeline: how many succeeded, and what each failed call threw.</summary>
internal static class ConcurrentCalls
{
    public static async Task<(int Succeeded, List<Exception> Thrown)> RunAsync(ModelConfiguration model, int calls, int concurrency, HttpMessageHandler? transport = null)
    {
        var ledger = new UsageLedger();
        using var factory = new LlmClientFactory(null, ledger, TimeProvider.System, _ => null, transport);
        return await RunAsync(new PromptRunner(factory, ledger), model, calls, concurrency);
    }

    public static async Task<(int Succeeded, List<Exception> Thrown)> RunAsync(PromptRunner runner, ModelConfiguration model, int calls, int concurrency)
    {
        var succeeded = 0;
        var thrown = new List<Exception>();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = TestContext.Current.CancellationToken }, async (i, ct) =>
            {
                try
                {
                    var outcome = await runner.RunAsync<ScoreResult>(OpenAICompatibleBackendTests.ScoreTemplate, OpenAICompatibleBackendTests.Item(i), model, ct);
                    if (outcome.IsSuccess) Interlocked.Increment(ref succeeded);
                }
                catch (Exception e)
                {
                    lock (thrown) thrown.Add(e);
                }
            });
        return (succeeded, thrown);
    }
}
