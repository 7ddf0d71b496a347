using System.CommandLine;
using Inkstone.Evaluation.Generation;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval generate</c>: answers of named model configurations to a query set, resumable.</summary>
public static class EvalGenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Run a query set through named model configurations (e.g. M_CW, M_CW+1k, M_CW+5k, M_CW+10k, M_G) and append each answer to a JSONL results file, with its reasoning split off (<think>…</think>), token usage and timing. Re-running skips answers already present and retries failed ones.");
        var queries = EvalOptions.Queries(required: true);
        var models = new Option<FileInfo>("--models") { Description = "Model configuration file (JSON: {\"models\":[{\"name\",\"endpoint\",\"model\",\"api_key_env\",\"temperature\",\"top_p\",\"max_output_tokens\",\"system_prompt\"}]}).", Required = true };
        var only = new Option<string[]>("--only") { Description = "Run only these configurations (names).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Results file (JSONL), created or appended to.", Required = true };
        var samples = new Option<int>("--samples") { Description = "Answers per query and model.", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 4 };
        var taxonomy = CommonOptions.Taxonomy();
        var strict = EvalOptions.Strict();
        foreach (var o in new Option[] { queries, models, only, output, samples, concurrency, taxonomy, strict }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var (qs, ok) = await EvalOptions.ReadQueriesAsync(parse.GetValue(queries)!, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)), parse.GetValue(strict), ct).ConfigureAwait(false);
            if (!ok) return 1;
            var configs = EvalModelConfigFile.Load(parse.GetValue(models)!.FullName);
            if (parse.GetValue(only) is { Length: > 0 } names)
            {
                var unknown = names.Except(configs.Select(c => c.Name)).ToArray();
                if (unknown.Length > 0) { Console.Error.WriteLine($"--only: no configuration named {string.Join(", ", unknown)}"); return 2; }
                configs = configs.Where(c => names.Contains(c.Name)).ToList();
            }
            var done = 0;
            var runner = new GenerationRunner(new GenerationRunOptions
            {
                Samples = parse.GetValue(samples),
                MaxConcurrency = parse.GetValue(concurrency),
                Progress = r =>
                {
                    var n = Interlocked.Increment(ref done);
                    Console.Error.WriteLine(r.Succeeded
                        ? FormattableString.Invariant($"[{n}] {r.Model} {r.QueryId}#{r.Sample}: {r.Answer!.Length} chars, {r.OutputTokens} tokens, {r.DurationMs / 1000:F1} s")
                        : $"[{n}] {r.Model} {r.QueryId}#{r.Sample}: FAILED {r.Error}");
                },
            });
            var summary = await runner.RunAsync(qs, configs, parse.GetValue(output)!.FullName, ct).ConfigureAwait(false);
            Console.Out.WriteLine($"{summary.Generated} generated, {summary.Skipped} already present, {summary.Failed} failed (kept with their error; re-run to retry)");
            return summary.Failed == 0 ? 0 : 3;
        });
        return command;
    }
}
