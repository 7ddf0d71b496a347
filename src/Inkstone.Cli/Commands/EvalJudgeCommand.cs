using System.CommandLine;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judging;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval judge</c>: an LLM judges generations pairwise (both orders) or by rubric, or labels reasoning behaviours.</summary>
public static class EvalJudgeCommand
{
    public static Command Create()
    {
        var command = new Command("judge", "Judge generations with an LLM through the model layer (prompts judge.pairwise, judge.rubric, label.reasoning; response cache in the workspace database; limits, retries and the usage table as for every model verb). The judge is the model of role 'judge' (role 'labelling' for --mode behavior), or the one named by --model. Pairwise: every pair of models (or each against --baseline) is judged in both presentation orders; if the two verdicts disagree the comparison counts as a tie and is marked position-inconsistent. Rubric: each answer gets 0–3 on content quality, creative merit, cultural appropriateness, task fulfilment and overall preference. Behavior: each line of an output (reasoning, then answer) gets one of the four reasoning behaviours (written to a labels file for `eval report --behavior`). Appends to a judgments file that `eval report` reads; re-running skips what is already judged, and a failed call is listed as not judged, never given a default.");
        var queries = EvalOptions.Queries(required: true);
        var generations = new Option<FileInfo>("--generations") { Description = "Generation results (JSONL from `eval generate`).", Required = true };
        var models = new Option<string[]>("--models") { Description = "Models to compare (names as in the generation results).", Required = true, AllowMultipleArgumentsPerToken = true };
        var baseline = new Option<string?>("--baseline") { Description = "Compare each model with this one only (default: every pair)." };
        var mode = new Option<string>("--mode") { Description = "pairwise, rubric, or behavior (label each output line as normal_writing, deep_reasoning, self_exploration or self_reflection).", DefaultValueFactory = _ => "pairwise" };
        mode.AcceptOnlyFromAmong("pairwise", "rubric", "behavior");
        var output = new Option<FileInfo>("--out", "-o") { Description = "Judgments file (JSONL), created or appended to.", Required = true };
        var sample = new Option<int>("--sample") { Description = "Which generation sample to judge.", DefaultValueFactory = _ => 0 };
        var taxonomy = CommonOptions.Taxonomy();
        foreach (var o in new Option[] { queries, generations, models, baseline, mode, output, sample, taxonomy }) command.Options.Add(o);
        var llm = new EvalLlmSession(command);
        command.SetAction(async (parse, ct) =>
        {
            var startedAt = TimeProvider.System.GetUtcNow();
            var (qs, _) = await EvalOptions.ReadQueriesAsync(parse.GetValue(queries)!, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)), false, ct).ConfigureAwait(false);
            var (records, problems) = await GenerationResultsFile.ReadAsync(parse.GetValue(generations)!.FullName, ct).ConfigureAwait(false);
            EvalOptions.Report(problems, false);
            var (opened, settings) = await llm.OpenAsync(parse, ct).ConfigureAwait(false);
            if (opened is null) return 2;
            await using var session = opened;
            var chosenMode = parse.GetValue(mode);
            ModelConfiguration judgeModel;
            try
            {
                judgeModel = llm.Flags.ModelFor(parse, settings, chosenMode == "behavior" ? ModelRoles.Labelling : ModelRoles.Judge);
            }
            catch (LlmConfigurationException e)
            {
                Console.Error.WriteLine("configuration error: " + e.Message);
                return 2;
            }
            var options = new LlmJudgeRunOptions
            {
                JudgeName = judgeModel.Name, Baseline = parse.GetValue(baseline), Sample = parse.GetValue(sample), MaxConcurrency = judgeModel.MaxConcurrency,
            };
            var compared = parse.GetValue(models)!;
            var path = parse.GetValue(output)!.FullName;
            LlmJudgeRunSummary summary;
            try
            {
                summary = chosenMode switch
                {
                    "rubric" => await LlmJudgeRunner.RunRubricAsync(new LlmRubricJudge(session.Runner, session.Prompt(PromptIds.JudgeRubric), judgeModel), qs, records, compared, path, options, ct).ConfigureAwait(false),
                    "behavior" => await LlmJudgeRunner.RunBehaviorAsync(new LlmBehaviorLabeler(session.Runner, session.Prompt(PromptIds.LabelReasoning), judgeModel), qs, records, compared, path, options, ct).ConfigureAwait(false),
                    _ => await LlmJudgeRunner.RunPairwiseAsync(new LlmPairwiseJudge(session.Runner, session.Prompt(PromptIds.JudgePairwise), judgeModel), qs, records, compared, path, options, ct).ConfigureAwait(false),
                };
            }
            catch (Exception e) when (e is LlmConfigurationException or ArgumentException)
            {
                // An unusable model configuration, or a replacement prompt missing a variable the judge fills.
                Console.Error.WriteLine("configuration error: " + e.Message);
                return 2;
            }
            foreach (var f in summary.Failures) Console.Error.WriteLine("not judged: " + f);
            Console.Out.WriteLine($"{summary.Judged} judged ({summary.PositionInconsistent} position-inconsistent), {summary.Skipped} already present, {summary.Failures.Count} not judged");
            await EvalLlmSession.FinishAsync(session, "eval judge", startedAt, ct).ConfigureAwait(false);
            return summary.Failures.Count == 0 ? 0 : 3;
        });
        return command;
    }
}
