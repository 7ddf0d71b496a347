using Inkstone.Storage;

namespace Inkstone.Curation.Stages;

/// <summary>The outcome of a stage for one item.</summary>
public sealed record StageResult(CurationState To, Actor Actor, string? ReasonCode = null, string? Reason = null)
{
    public IReadOnlyList<ArtifactWrite> Artifacts { get; init; } = [];

    /// <summary>The most of a model's raw answer kept with a quarantined item (UTF-16 code units).</summary>
    public const int MaxRawAnswer = 16 * 1024;

    /// <summary>A failed step: the item is quarantined with the diagnostic and retried from <paramref name="from"/> on the next run.</summary>
    public static StageResult Quarantine(string stage, CurationState from, Actor actor, string diagnostic) =>
        new(CurationState.Quarantined, actor, stage, diagnostic) { ReturnState = from };

    /// <summary>
    /// A failed model call: quarantined like <see cref="Quarantine(string, CurationState, Actor, string)"/>, and the
    /// failure's kind, reason and the model's raw answer (at most <see cref="MaxRawAnswer"/>) kept as the item's
    /// <c>last_failure</c> artifact, so that a prompt or schema problem can be seen in the answer itself.
    /// </summary>
    public static StageResult Quarantine<T>(string stage, CurationState from, Actor actor, Modeling.ModelResult<T> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var diagnostic = failed.Diagnostic ?? "no answer";
        var raw = failed.Failure?.RawAnswer;
        var truncated = raw is { Length: > MaxRawAnswer };
        var artifact = new ArtifactWrite("last_failure", CurationJson.Serialize(new
        {
            stage,
            kind = failed.Failure?.Kind.ToString(),
            reason = diagnostic,
            prompt = failed.PromptVersion,
            raw_answer = truncated ? raw![..MaxRawAnswer] : raw,
            raw_answer_truncated = truncated,
        }));
        return Quarantine(stage, from, actor, diagnostic) with { Artifacts = [artifact] };
    }

    public CurationState? ReturnState { get; init; }
}
