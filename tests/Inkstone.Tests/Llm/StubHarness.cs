using Inkstone.Llm.Backends;
using Inkstone.Llm.Caching;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Middleware;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Storage;
using Inkstone.Llm.Usage;
using Inkstone.Storage;
using Inkstone.Testing;

namespace Inkstone.Tests.Llm;

/// <summary>A stub server, a model configured against it with test-sized retry delays, and the runner over the real pipeline.</summary>
internal sealed class StubHarness : IAsyncDisposable
{
    private readonly SqliteWorkspaceStore? _store;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "inkstone-llm-" + Guid.NewGuid().ToString("N"));

    public StubHarness(Func<StubRequest, StubReply> script, Func<ModelConfiguration, ModelConfiguration>? configure = null, bool cache = true,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? rateLimitPeriod = null)
    {
        Directory.CreateDirectory(_directory);
        Server = new OpenAIStubServer(script);
        var model = new ModelConfiguration
        {
            Name = "stub",
            Model = "stub-model",
            BaseUrl = Server.BaseUrl,
            RetryAttempts = 4,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromSeconds(2),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            MaxConcurrency = 16,
        };
        Model = configure is null ? model : configure(model);
        // A test harness, built in constructors of sync test setup; the file is local, so blocking here is harmless.
        _store = cache ? SqliteWorkspaceStore.OpenAsync(Path.Combine(_directory, "workspace.db"), LlmSchema.Migrations).GetAwaiter().GetResult() : null;
        Cache = _store is null ? null : new WorkspaceResponseCache(_store);
        NewRun(environment, rateLimitPeriod);
    }

    public OpenAIStubServer Server { get; }
    public ModelConfiguration Model { get; }
    public WorkspaceResponseCache? Cache { get; }
    public UsageLedger Ledger { get; private set; } = null!;
    public LlmClientFactory Factory { get; private set; } = null!;
    public PromptRunner Runner { get; private set; } = null!;

    /// <summary>A fresh client pipeline and ledger over the same cache: what a second command invocation would get.</summary>
    public void NewRun(IReadOnlyDictionary<string, string>? environment = null, TimeSpan? rateLimitPeriod = null)
    {
        Factory?.Dispose();
        Ledger = new UsageLedger();
        Factory = new LlmClientFactory(Cache, Ledger, TimeProvider.System,
            name => environment is not null && environment.TryGetValue(name, out var v) ? v : null, rateLimitPeriod: rateLimitPeriod);
        Runner = new PromptRunner(Factory, Ledger);
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Server.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
