using Inkstone.Curation;
using Inkstone.Curation.Items;
using Inkstone.Llm.Usage;

namespace Inkstone.Cli.Commands;

/// <summary>
/// What <c>inkstone run</c> reports: each stage's outcome, the failures of this run grouped by stage and kind (a count
/// and one example; <c>inkstone errors</c> lists every one), the model usage, and what to do next when items wait for a
/// stage that cannot run.
/// </summary>
public sealed record RunSummary(
    string RunId, IReadOnlyList<StageRunReport> Stages, IReadOnlyList<RunSummary.StageFailure> Failures,
    IReadOnlyList<ModelUsage> Usage, IReadOnlyList<string> NextSteps)
{
    /// <summary>Items of one stage quarantined in this run for one kind of reason.</summary>
    public sealed record StageFailure(string Stage, string Kind, long Count, string ExampleId, string ExampleReason);

    public static async Task<RunSummary> ComputeAsync(
        Workspace workspace, string runId, IReadOnlyList<StageRunReport> stages, bool hasModel, IReadOnlyList<ModelUsage> usage,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(stages);
        var failures = new List<StageFailure>();
        if (stages.Any(s => s.Outcomes.Keys.Any(k => k.StartsWith("quarantined", StringComparison.Ordinal))))
        {
            var quarantined = await new ItemQueryService(workspace.Items).QuarantinedAsync(runId, cancellationToken).ConfigureAwait(false);
            failures.AddRange(quarantined.GroupBy(q => (q.Stage, q.Kind))
                .Select(g => new StageFailure(g.Key.Stage, g.Key.Kind, g.Count(), g.First().Id, g.First().Reason))
                .OrderBy(f => f.Stage, StringComparer.Ordinal).ThenByDescending(f => f.Count));
        }

        return new RunSummary(runId, stages, failures, usage, await NextStepsAsync(workspace, hasModel, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>When items wait in a state only a model stage leaves, say how to move them on.</summary>
    private static async Task<IReadOnlyList<string>> NextStepsAsync(Workspace workspace, bool hasModel, CancellationToken cancellationToken)
    {
        if (hasModel) return [];
        var counts = await workspace.Items.CountByStateAsync(cancellationToken).ConfigureAwait(false);
        var waiting = counts.Where(c => c.State is CurationState.Assessed or CurationState.Screened).Sum(c => c.Count);
        if (waiting == 0) return [];
        return
        [
            $"{waiting:N0} items wait in 'assessed' or 'screened' for screening and analysis, which need a model: configure one "
            + "(inkstone.json 'llm' section or INKSTONE_LLM_*; see docs/curation.md), or set \"screening\": {\"mode\": \"none\"} and "
            + "\"analysis\": {\"mode\": \"none\"} in inkstone.json (what 'inkstone init --no-model' writes) and run again; "
            + "then the items reach 'ready' and take annotations ('inkstone items export-tasks', 'inkstone import annotations')",
        ];
    }
}
