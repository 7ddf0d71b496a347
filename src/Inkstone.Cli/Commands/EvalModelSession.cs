using Inkstone.Curation;
using Inkstone.Llm;

namespace Inkstone.Cli.Commands;

/// <summary>The model session of an eval verb and the workspace whose database it uses (null: no cache, no usage records).</summary>
internal sealed class EvalModelSession(LlmSession llm, Workspace? workspace) : IAsyncDisposable
{
    public LlmSession Llm { get; } = llm;

    public Workspace? Workspace { get; } = workspace;

    public async ValueTask DisposeAsync()
    {
        await Llm.DisposeAsync().ConfigureAwait(false);
        if (Workspace is not null) await Workspace.DisposeAsync().ConfigureAwait(false);
    }
}
