using Inkstone.Llm.Backends;
using Inkstone.Llm.Caching;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm;

/// <summary>
/// Everything a command needs to make model calls, composed once: settings, prompts, the runner over the client
/// pipelines, the usage ledger, and (with a workspace database) the persistent cache and per-run usage records.
/// A step calls <c>session.Runner.RunAsync&lt;ScoreResult&gt;(session.Prompt(PromptIds.ScoreArticle), variables, session.Model(ModelRoles.Scoring))</c>.
/// </summary>
public sealed class LlmSession : IDisposable
{
    private readonly LlmClientFactory _factory;

    /// <param name="workspaceDatabase">SQLite file holding <c>llm_response_cache</c> and <c>llm_run_usage</c>; null for no cache and no usage records.</param>
    public LlmSession(LlmSettings settings, string? workspaceDatabase, TimeProvider? timeProvider = null)
    {
        Settings = settings;
        Prompts = PromptLibrary.Load(settings.PromptDirectory);
        Ledger = new UsageLedger();
        Cache = workspaceDatabase is not null && settings.CacheEnabled ? new SqliteResponseCache(workspaceDatabase) : null;
        UsageStore = workspaceDatabase is null ? null : new SqliteUsageStore(workspaceDatabase, timeProvider);
        _factory = new LlmClientFactory(Cache, Ledger, timeProvider);
        Runner = new PromptRunner(_factory, Ledger, timeProvider);
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

    public void Dispose() => _factory.Dispose();
}
