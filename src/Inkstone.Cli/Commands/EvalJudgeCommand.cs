using System.CommandLine;
using System.Text.Json.Nodes;
using Inkstone.Cli.Conventions;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judging;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval judge</c>: an LLM judges generations pairwise (both orders) or by rubric, or labels reasoning behaviours.</summary>
public static class EvalJudgeCommand
{
    private const string Help = "Judge generations with an LLM through the model layer (prompts judge.pairwise, judge.rubric, "
        + "label.reasoning; response cache and usage records in the workspace's database; limits, retries and the usage table as "
        + "for every model verb). The judge is the model of role 'judge' (role 'labelling' for --mode behavior), or the one named by "
        + "--model. Pairwise: every pair of models (or each against --baseline) is judged in both presentation orders; if the two "
        + "verdicts disagree the comparison counts as a tie and is marked position-inconsistent. Rubric: each answer gets 0–3 on "
        + "content quality, creative merit, cultural appropriateness, task fulfilment and overall preference. Behavior: each line of "
        + "an output (reasoning, then answer) gets one of the four reasoning behaviours (written to a labels file for `eval report "
        + "--behavior`). Appends to a judgments file that `eval report` reads; re-running skips what is already judged, and a "
        + "failed call is listed as not judged, never given a default (exit code 1).";

    public static Command Create()
    {
        var command = new Command("judge", Help);
        var queries = EvalOptions.Queries(required: true);
        var generations = EvalOptions.Generations("Generation results (JSONL from `eval generate`).", required: true);
        var models = new Option<string[]>("--models")
        {
            Description = "Models to compare (names as in the generation results).", Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Compare each model with this one only (one of --models; default: every pair).",
        };
        var mode = new Option<string>("--mode")
        {
            Description = "pairwise, rubric, or behavior (label each output line as normal_writing, deep_reasoning, self_exploration or "
                + "self_reflection).",
            DefaultValueFactory = _ => "pairwise",
        };
        mode.AcceptOnlyFromAmong("pairwise", "rubric", "behavior");
        var output = CommonOptions.Output("Judgments file (JSONL), created or appended to.", required: true);
        var sample = new Option<int>("--sample")
        {
            Description = "Which generation sample to judge (0 = the first).", DefaultValueFactory = _ => 0,
        }.AtLeast(0);
        var taxonomy = CommonOptions.Taxonomy();
        var strict = CommonOptions.Strict();
        var format = CommonOptions.Format();
        foreach (var o in new Option[] { queries, generations, models, baseline, mode, output, sample, taxonomy, strict, format })
            command.Options.Add(o);
        var llm = new EvalLlmSession(command);
        command.SetAction(async (parse, ct) =>
        {
            var startedAt = TimeProvider.System.GetUtcNow();
            var strictMode = parse.GetValue(strict);
            var (qs, rejected) = await EvalOptions.ReadQueriesAsync(parse.GetValue(queries)!, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)),
                strictMode, ct).ConfigureAwait(false);
            var generationsFile = parse.GetValue(generations)!.FullName;
            var (records, problems) = await GenerationResultsFile.ReadAsync(generationsFile, ct).ConfigureAwait(false);
            rejected += EvalOptions.Report(problems, strictMode);
            var compared = parse.GetValue(models)!.Distinct(StringComparer.Ordinal).ToList();
            EvalOptions.RequireKnown("--models", compared, records.Select(r => r.Model), generationsFile);
            if (parse.GetValue(baseline) is { } b && !compared.Contains(b))
                throw new CliInputException($"--baseline: '{b}' is not one of --models ({string.Join(", ", compared)})");

            await using var session = await llm.OpenAsync(parse, ct).ConfigureAwait(false);
            var chosenMode = parse.GetValue(mode);
            var judgeModel = llm.Flags.ModelFor(parse, session.Llm.Settings, chosenMode == "behavior" ? ModelRoles.Labelling : ModelRoles.Judge);
            var options = new LlmJudgeRunOptions
            {
                JudgeName = judgeModel.Name, Baseline = parse.GetValue(baseline), Sample = parse.GetValue(sample),
                MaxConcurrency = judgeModel.MaxConcurrency,
            };
            var path = parse.GetValue(output)!.FullName;
            var runner = session.Llm.Runner;
            var summary = chosenMode switch
            {
                "rubric" => await LlmJudgeRunner.RunRubricAsync(new LlmRubricJudge(runner, session.Llm.Prompt(PromptIds.JudgeRubric), judgeModel),
                    qs, records, compared, path, options, ct).ConfigureAwait(false),
                "behavior" => await LlmJudgeRunner.RunBehaviorAsync(
                    new LlmBehaviorLabeler(runner, session.Llm.Prompt(PromptIds.LabelReasoning), judgeModel),
                    qs, records, compared, path, options, ct).ConfigureAwait(false),
                _ => await LlmJudgeRunner.RunPairwiseAsync(new LlmPairwiseJudge(runner, session.Llm.Prompt(PromptIds.JudgePairwise), judgeModel),
                    qs, records, compared, path, options, ct).ConfigureAwait(false),
            };
            foreach (var f in summary.Failures) Console.Error.WriteLine("not judged: " + f);
            var runId = await EvalLlmSession.SaveUsageAsync(session, "eval judge", startedAt, ct).ConfigureAwait(false);

            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(new JsonObject
                {
                    ["mode"] = chosenMode, ["judge"] = judgeModel.Name,
                    ["judged"] = summary.Judged, ["position_inconsistent"] = summary.PositionInconsistent, ["skipped"] = summary.Skipped,
                    ["not_judged"] = summary.Failures.Count, ["rejected_records"] = rejected,
                    ["output"] = path, ["workspace"] = session.Workspace?.Directory, ["usage_run"] = runId,
                    ["usage"] = UsageReport.Json(session.Llm.Ledger),
                    ["failures"] = new JsonArray(summary.Failures.Select(f => (JsonNode)f).ToArray()),
                }.ToJsonString(CliJson.Indented));
            }
            else
            {
                Console.Out.WriteLine($"{summary.Judged} judged ({summary.PositionInconsistent} position-inconsistent), "
                    + $"{summary.Skipped} already present, "
                    + $"{summary.Failures.Count} not judged → {path}");
                UsageReport.Write(session.Llm.Ledger);
            }
            return ExitCodes.FromRejections(summary.Failures.Count + rejected);
        });
        return command;
    }
}
