using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;
using Inkstone.Curation.Modeling;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone run</c>: runs every pipeline stage that has work.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the curation stages that have work (assess, screen, analyze, draft, score); model stages are skipped with a message when no model is configured. Calls stream through --concurrency slots; an unreachable model endpoint stops the run (exit 3) without quarantining anything; Ctrl-C finishes the calls in flight and records them. Safe to interrupt and re-run.");
        var workspaceOption = WorkspaceOption.Create();
        var stages = new Option<string[]>("--stages") { Description = "Only these stages (assess, screen, analyze, draft, score).", AllowMultipleArgumentsPerToken = true };
        var limit = WorkspaceOption.Limit();
        var concurrency = WorkspaceOption.Concurrency(4);
        var format = CommonOptions.Format();
        command.Options.Add(workspaceOption);
        command.Options.Add(stages);
        command.Options.Add(limit);
        command.Options.Add(concurrency);
        command.Options.Add(format);
        var llm = new LlmCliOptions(command, workspaceVerb: true);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var selected = parse.GetValue(stages) is { Length: > 0 } s ? s.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray() : null;
            using var model = WorkspaceOption.OpenModel(workspace, llm.Overrides(parse));
            if (model is null) WorkspaceOption.Progress("no model configured (inkstone.json 'llm' section, INKSTONE_LLM_* or --base-url/--model-path): model stages are skipped");
            var runId = NewRunId(TimeProvider.System);
            using var usage = model is null ? null : new ThrottledAction(TimeSpan.FromSeconds(2), c => model.Llm.SaveUsageAsync(runId, c));
            var reports = await Run(workspace, model?.Model, runId, selected, parse.GetValue(limit), parse.GetValue(concurrency), ct, afterWrite: usage is null ? null : usage.InvokeAsync);
            // From here on nothing is cancelled: an interrupted run still reports and records what it did.
            var summary = await RunSummary.ComputeAsync(workspace, runId, reports, model is not null, model?.Llm.Ledger.Snapshot() ?? [], CancellationToken.None);
            if (parse.GetValue(format) == "json") Console.Out.WriteLine(JsonSerializer.Serialize(summary, CliJson.Indented));
            else
            {
                Print(reports, summary.Failures);
                if (model is not null) UsageReport.Write(model.Llm.Ledger);
                foreach (var step in summary.NextSteps) Console.Error.WriteLine("next: " + step);
            }

            if (model is not null)
            {
                await model.Llm.SaveUsageAsync(runId, CancellationToken.None);
                WorkspaceOption.Progress($"usage recorded as run '{runId}'");
            }

            return ExitCode(reports, summary);
        });
        return command;
    }

    /// <summary>130 interrupted; 3 the model endpoint stopped answering; 1 items quarantined; else 0 (docs/cli.md).</summary>
    internal static int ExitCode(IReadOnlyList<StageRunReport> reports, RunSummary summary)
    {
        if (reports.FirstOrDefault(r => r.Stopped is not null) is { } stopped)
        {
            if (stopped.Stopped == "interrupted")
            {
                Console.Error.WriteLine($"interrupted during '{stopped.Stage}': the calls in flight were finished and recorded, claims released; run again to continue");
                return ExitCodes.Interrupted;
            }
            Console.Error.WriteLine($"error: {stopped.Stage}: {stopped.Stopped} — stopped claiming, nothing was quarantined for it; run again when the server answers");
            return ExitCodes.CheckFailed;
        }
        return ExitCodes.FromRejections(summary.Failures.Sum(f => f.Count));
    }

    /// <summary>The run id of the audit trail and of the usage record: start time and a random suffix.</summary>
    internal static string NewRunId(TimeProvider time) =>
        time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'-", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A run with <see cref="WorkspaceOption.ModelFactory"/>'s model (no cache), for verbs that drive the pipeline themselves.</summary>
    internal static Task<IReadOnlyList<StageRunReport>> Run(Workspace workspace, IReadOnlyCollection<string>? stages, long? limit, int concurrency, CancellationToken ct, bool quiet = false) =>
        Run(workspace, WorkspaceOption.ModelFactory(workspace.Config), NewRunId(TimeProvider.System), stages, limit, concurrency, ct, quiet);

    internal static Task<IReadOnlyList<StageRunReport>> Run(Workspace workspace, ICurationModel? model, string runId, IReadOnlyCollection<string>? stages, long? limit,
        int concurrency, CancellationToken ct, bool quiet = false, Func<CancellationToken, Task>? afterWrite = null)
    {
        var pipeline = new CurationPipeline(workspace.Items, CurationStages.Create(workspace.Config, workspace.Items, model));
        var options = new PipelineRunOptions { Stages = stages, Limit = limit, Concurrency = concurrency, RunId = runId, AfterWrite = afterWrite };
        return pipeline.RunAsync(options, quiet ? null : new Progress<StageProgress>(p => WorkspaceOption.Progress($"{p.Stage}: {p.Processed:N0} items")), ct);
    }

    internal static void Print(IReadOnlyList<StageRunReport> reports, IReadOnlyList<RunSummary.StageFailure>? failures = null)
    {
        foreach (var r in reports)
        {
            if (r.Skipped is not null) { Console.Out.WriteLine($"{r.Stage}: skipped — {r.Skipped}"); continue; }
            if (r.Stopped is not null) Console.Out.WriteLine($"{r.Stage}: stopped — {r.Stopped}");
            var outcomes = r.Outcomes.Count == 0 ? "no work" : string.Join(", ", r.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}"));
            Console.Out.WriteLine($"{r.Stage}: {r.Processed:N0} items → {outcomes}{(r.Requeued > 0 ? $"; {r.Requeued:N0} retried from quarantine" : "")}{(r.Conflicts > 0 ? $"; {r.Conflicts:N0} changed by another writer" : "")}");
            foreach (var f in failures?.Where(f => f.Stage == r.Stage) ?? [])
                Console.Out.WriteLine($"  failed: {f.Kind} × {f.Count:N0}, e.g. {f.ExampleId}: {f.ExampleReason}");
        }

        if (failures is { Count: > 0 }) Console.Out.WriteLine("every failed item with its full reason: inkstone errors");
    }
}
