using Inkstone.Llm.Backends;
using Inkstone.Llm.Caching;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Storage;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;
using Inkstone.Storage;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm;

/// <summary>
/// Everything a command needs to make model calls, composed once: settings, prompts, the runner over the client
/// pipelines, the usage ledger, and (with a workspace database) the persistent cache and per-run usage records.
/// A step calls <c>session.Runner.RunAsync&lt;ScoreResult&gt;(session.Prompt(PromptIds.ScoreArticle), variables, session.Model(ModelRoles.Scoring))</c>.
/// </summary>
public sealed class LlmSession : IDisposable, IAsyncDisposable
{
    private readonly LlmClientFactory _factory;
    private readonly IWorkspaceStore? _ownedStore;

    /// <param name="store">Workspace database with <see cref="LlmSchema.Migrations"/> applied, holding <c>llm_response_cache</c> and <c>llm_run_usage</c>; null for no cache and no usage records. The caller keeps ownership.</param>
    public LlmSession(LlmSettings settings, IWorkspaceStore? store, TimeProvider? timeProvider = null)
        : this(settings, store, ownsStore: false, timeProvider)
    {
    }

    private LlmSession(LlmSettings settings, IWorkspaceStore? store, bool ownsStore, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Prompts = PromptLibrary.Load(settings.PromptDirectory);
        Ledger = new UsageLedger();
        Cache = store is not null && settings.CacheEnabled ? new WorkspaceResponseCache(store) : null;
        UsageStore = store is null ? null : new WorkspaceUsageStore(store, timeProvider);
        _factory = new LlmClientFactory(Cache, Ledger, timeProvider);
        Runner = new PromptRunner(_factory, Ledger, timeProvider);
        _ownedStore = ownsStore ? store : null;
    }

    /// <summary>
    /// A session over a SQLite workspace file (created if missing, the model layer's tables migrated), for verbs that
    /// name a database file rather than a workspace; null <paramref name="sqlitePath"/> means no cache and no usage records.
    /// The session closes the file when disposed.
    /// </summary>
    public static async Task<LlmSession> OpenAsync(LlmSettings settings, string? sqlitePath, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (sqlitePath is null) return new LlmSession(settings, null, ownsStore: false, timeProvider);
        var store = await SqliteWorkspaceStore.OpenAsync(sqlitePath, LlmSchema.Migrations, cancellationToken).ConfigureAwait(false);
        try
        {
            return new LlmSession(settings, store, ownsStore: true, timeProvider);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public LlmSettings Settings { get; }
    public PromptLibrary Prompts { get; }
    public UsageLedger Ledger { get; }
    public IResponseCache? Cache { get; }
    public IUsageStore? UsageStore { get; }
    public IStructuredLlm Runner { get; }

    /// <summary>The model configured for a role (see <see cref="ModelRoles"/>) or a model name.</summary>
    public ModelConfiguration Model(string roleOrName) => Settings.Resolve(roleOrName);

    public PromptTemplate Prompt(string id) => Prompts.Get(id);

    /// <summary>
    /// The composed client (usage, cache, limits, backend) of a model, for free-text calls that have no prompt template,
    /// such as answering a benchmark query as it stands.
    /// </summary>
    public IChatClient ChatClient(ModelConfiguration model) => _factory.GetClient(model);

    /// <summary>Records this session's usage under <paramref name="runId"/>; does nothing without a workspace database.</summary>
    public Task SaveUsageAsync(string runId, CancellationToken cancellationToken = default) =>
        UsageStore?.SaveAsync(runId, Ledger.Snapshot(), cancellationToken) ?? Task.CompletedTask;

    public void Dispose()
    {
        _factory.Dispose();
        // A store opened by OpenAsync holds pooled connections only; releasing them needs no I/O to wait for.
        _ownedStore?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _factory.Dispose();
        if (_ownedStore is not null) await _ownedStore.DisposeAsync().ConfigureAwait(false);
    }
}
