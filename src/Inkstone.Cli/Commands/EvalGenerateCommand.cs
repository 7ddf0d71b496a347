using System.Collections.Concurrent;
using System.CommandLine;
using System.Text.Json.Nodes;
using Inkstone.Cli.Conventions;
using Inkstone.Evaluation.Generation;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval generate</c>: answers of named model configurations to a query set, resumable.</summary>
public static class EvalGenerateCommand
{
    private const string Help = "Run a query set through named model configurations (e.g. M_CW, M_CW+1k, M_CW+5k, M_CW+10k, M_G), "
        + "declared under llm.models in inkstone.json like any other model (see docs/configuration.md), and append each answer to a "
        + "JSONL results file, with its reasoning split off (<think>…</think>), token usage and timing. Calls go through the model "
        + "layer: response cache and usage records in the workspace's database, concurrency and rate limits, retries, usage table "
        + "at the end. Re-running skips answers already present and retries failed ones. Exit code 1 when a call failed or a query "
        + "was rejected, 2 for an input error.";

    public static Command Create()
    {
        var command = new Command("generate", Help);
        var queries = EvalOptions.Queries(required: true);
        var models = new Option<string[]>("--models")
        {
            Description = "Names of the model configurations to run (keys of llm.models).", Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var output = CommonOptions.Output("Results file (JSONL), created or appended to.", required: true);
        var samples = new Option<int>("--samples")
        {
            Description = "Answers per query and model (at least 1).", DefaultValueFactory = _ => 1,
        }.AtLeast(1);
        var taxonomy = CommonOptions.Taxonomy();
        var strict = CommonOptions.Strict();
        var format = CommonOptions.Format();
        foreach (var o in new Option[] { queries, models, output, samples, taxonomy, strict, format }) command.Options.Add(o);
        var llm = new EvalLlmSession(command);
        command.SetAction(async (parse, ct) =>
        {
            var startedAt = TimeProvider.System.GetUtcNow();
            var json = parse.GetValue(format) == "json";
            var (qs, rejected) = await EvalOptions.ReadQueriesAsync(parse.GetValue(queries)!, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)),
                parse.GetValue(strict), ct).ConfigureAwait(false);
            await using var session = await llm.OpenAsync(parse, ct).ConfigureAwait(false);
            var settings = session.Llm.Settings;
            var names = parse.GetValue(models)!.Distinct(StringComparer.Ordinal).ToList();
            EvalOptions.RequireKnown("--models", names, settings.Models.Keys, "the model configuration (llm.models)");
            var configurations = names.Select(n => settings.Models[n]).ToList();

            var done = 0;
            var failures = new ConcurrentQueue<GenerationRecord>();
            var runner = new GenerationRunner(new GenerationRunOptions
            {
                Samples = parse.GetValue(samples),
                // Each model's own max_concurrency is the limit that matters; this only lets every model use all of its slots.
                MaxConcurrency = configurations.Sum(c => c.MaxConcurrency),
                Progress = r =>
                {
                    var n = Interlocked.Increment(ref done);
                    if (!r.Succeeded) failures.Enqueue(r);
                    Console.Error.WriteLine(r.Succeeded
                        ? FormattableString.Invariant(
                            $"[{n}] {r.Model} {r.QueryId}#{r.Sample}: {r.Answer!.Length} chars, {r.OutputTokens} tokens, {r.DurationMs / 1000:F1} s")
                        : $"[{n}] {r.Model} {r.QueryId}#{r.Sample}: FAILED {r.Error}");
                },
            });
            var path = parse.GetValue(output)!.FullName;
            var generationModels = configurations.Select(c => GenerationModel.FromConfiguration(c, session.Llm.ChatClient(c))).ToList();
            var summary = await runner.RunAsync(qs, generationModels, path, ct).ConfigureAwait(false);
            var runId = await EvalLlmSession.SaveUsageAsync(session, "eval generate", startedAt, ct).ConfigureAwait(false);

            if (json)
            {
                Console.Out.WriteLine(new JsonObject
                {
                    ["queries"] = qs.Count, ["rejected_queries"] = rejected, ["models"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()),
                    ["samples"] = parse.GetValue(samples),
                    ["generated"] = summary.Generated, ["skipped"] = summary.Skipped, ["failed"] = summary.Failed,
                    ["output"] = path, ["workspace"] = session.Workspace?.Directory, ["usage_run"] = runId,
                    ["usage"] = UsageReport.Json(session.Llm.Ledger),
                    ["failures"] = new JsonArray(failures.OrderBy(f => (f.QueryId, f.Model, f.Sample)).Select(f => (JsonNode)new JsonObject
                    {
                        ["query_id"] = f.QueryId, ["model"] = f.Model, ["sample"] = f.Sample, ["error"] = f.Error,
                    }).ToArray()),
                }.ToJsonString(CliJson.Indented));
            }
            else
            {
                Console.Out.WriteLine($"{summary.Generated} generated, {summary.Skipped} already present, {summary.Failed} failed"
                    + (summary.Failed > 0 ? " (kept with their error; re-run to retry)" : "") + $" → {path}");
                UsageReport.Write(session.Llm.Ledger);
            }
            return ExitCodes.FromRejections(summary.Failed + rejected);
        });
        return command;
    }
}
