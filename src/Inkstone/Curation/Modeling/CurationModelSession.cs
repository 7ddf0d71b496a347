using Inkstone.Llm;
using Inkstone.Llm.Configuration;
using Inkstone.Storage;

namespace Inkstone.Curation.Modeling;

/// <summary>
/// The model of a curation run: the model layer's session over the workspace database (response cache and per-run
/// usage in the workspace's own SQLite or PostgreSQL store) and <see cref="LlmCurationModel"/> over it.
/// </summary>
public sealed class CurationModelSession : IDisposable
{
    private CurationModelSession(LlmSession session)
    {
        Llm = session;
        Model = new LlmCurationModel(session);
    }

    public LlmSession Llm { get; }
    public ICurationModel Model { get; }

    /// <summary>
    /// The session when a model is configured — an <c>llm</c> section in the workspace's inkstone.json, or
    /// <paramref name="overrides"/> (INKSTONE_LLM_* variables, then flags) that name or define one — else null, so the
    /// model stages are skipped with their message instead of falling back to a model nobody chose.
    /// </summary>
    /// <param name="configSource">Names the configuration in errors (the inkstone.json path).</param>
    /// <param name="store">Workspace database with the <c>llm</c> migrations applied; null for no cache and no usage records.</param>
    public static CurationModelSession? Open(WorkspaceConfig config, string configSource, IWorkspaceStore? store, LlmOverrides overrides, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(overrides);
        var fromFile = config.Llm is { } llm ? LlmSettingsLoader.Parse($"{{\"llm\": {llm.GetRawText()}}}", configSource) : new LlmSettings();
        if (fromFile.Models.Count == 0 && !overrides.TouchesModel && overrides.ModelName is null) return null;
        var settings = LlmSettingsLoader.Apply(fromFile, overrides);
        return new CurationModelSession(new LlmSession(settings, store, timeProvider));
    }

    public void Dispose() => Llm.Dispose();
}
