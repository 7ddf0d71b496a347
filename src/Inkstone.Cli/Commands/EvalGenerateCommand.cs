using System.CommandLine;
using Inkstone.Evaluation.Generation;
using Inkstone.Llm.Configuration;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval generate</c>: answers of named model configurations to a query set, resumable.</summary>
public static class EvalGenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Run a query set through named model configurations (e.g. M_CW, M_CW+1k, M_CW+5k, M_CW+10k, M_G), declared under llm.models in inkstone.json like any other model (see docs/configuration.md), and append each answer to a JSONL results file, with its reasoning split off (<think>…</think>), token usage and timing. Calls go through the model layer: response cache in the workspace database, concurrency and rate limits, retries, usage table at the end. Re-running skips answers already present and retries failed ones.");
        var queries = EvalOptions.Queries(required: true);
        var models = new Option<string[]>("--models") { Description = "Names of the model configurations to run (keys of llm.models).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Results file (JSONL), created or appended to.", Required = true };
        var samples = new Option<int>("--samples") { Description = "Answers per query and model.", DefaultValueFactory = _ => 1 };
        var taxonomy = CommonOptions.Taxonomy();
        var strict = EvalOptions.Strict();
        foreach (var o in new Option[] { queries, models, output, samples, taxonomy, strict }) command.Options.Add(o);
        var llm = new EvalLlmSession(command);
        command.SetAction(async (parse, ct) =>
        {
            var startedAt = TimeProvider.System.GetUtcNow();
            var (qs, ok) = await EvalOptions.ReadQueriesAsync(parse.GetValue(queries)!, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)), parse.GetValue(strict), ct).ConfigureAwait(false);
            if (!ok) return 1;
            var (opened, settings) = await llm.OpenAsync(parse, ct).ConfigureAwait(false);
            if (opened is null) return 2;
            await using var session = opened;
            var configurations = new List<ModelConfiguration>();
            foreach (var name in parse.GetValue(models)!.Distinct(StringComparer.Ordinal))
            {
                if (!settings.Models.TryGetValue(name, out var configuration))
                {
                    Console.Error.WriteLine($"--models: no model configuration named '{name}'; configured: {string.Join(", ", settings.Models.Keys)}");
                    return 2;
                }
                configurations.Add(configuration);
            }
            var done = 0;
            var runner = new GenerationRunner(new GenerationRunOptions
            {
                Samples = parse.GetValue(samples),
                // Each model's own max_concurrency is the limit that matters; this only lets every model use all of its slots.
                MaxConcurrency = configurations.Sum(c => c.MaxConcurrency),
                Progress = r =>
                {
                    var n = Interlocked.Increment(ref done);
                    Console.Error.WriteLine(r.Succeeded
                        ? FormattableString.Invariant($"[{n}] {r.Model} {r.QueryId}#{r.Sample}: {r.Answer!.Length} chars, {r.OutputTokens} tokens, {r.DurationMs / 1000:F1} s")
                        : $"[{n}] {r.Model} {r.QueryId}#{r.Sample}: FAILED {r.Error}");
                },
            });
            GenerationRunSummary summary;
            try
            {
                summary = await runner.RunAsync(qs, configurations.Select(c => GenerationModel.FromConfiguration(c, session.ChatClient(c))).ToList(),
                    parse.GetValue(output)!.FullName, ct).ConfigureAwait(false);
            }
            catch (LlmConfigurationException e)
            {
                Console.Error.WriteLine("configuration error: " + e.Message);
                return 2;
            }
            Console.Out.WriteLine($"{summary.Generated} generated, {summary.Skipped} already present, {summary.Failed} failed (kept with their error; re-run to retry)");
            await EvalLlmSession.FinishAsync(session, "eval generate", startedAt, ct).ConfigureAwait(false);
            return summary.Failed == 0 ? 0 : 3;
        });
        return command;
    }
}
