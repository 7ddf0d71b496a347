using System.CommandLine;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judging;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval judge</c>: an LLM judges generations pairwise (both orders) or by rubric.</summary>
public static class EvalJudgeCommand
{
    public static Command Create()
    {
        var command = new Command("judge", "Judge generations with an LLM. Pairwise: every pair of models (or each against --baseline) is judged in both presentation orders; if the two verdicts disagree the comparison counts as a tie and is marked position-inconsistent. Rubric: each answer gets 0–3 on content quality, creative merit, cultural appropriateness, task fulfilment and overall preference. Behavior: each line of an output (reasoning, then answer) gets one of the four reasoning behaviours (written to a labels file for `eval report --behavior`). Appends to a judgments file that `eval report` reads; re-running skips what is already judged.");
        var queries = EvalOptions.Queries(required: true);
        var generations = new Option<FileInfo>("--generations") { Description = "Generation results (JSONL from `eval generate`).", Required = true };
        var judgeConfig = new Option<FileInfo>("--judge-model") { Description = "Model configuration file (as for `eval generate`); its first entry is the judge.", Required = true };
        var models = new Option<string[]>("--models") { Description = "Models to compare.", Required = true, AllowMultipleArgumentsPerToken = true };
        var baseline = new Option<string?>("--baseline") { Description = "Compare each model with this one only (default: every pair)." };
        var mode = new Option<string>("--mode") { Description = "pairwise, rubric, or behavior (label each output line as normal_writing, deep_reasoning, self_exploration or self_reflection).", DefaultValueFactory = _ => "pairwise" };
        mode.AcceptOnlyFromAmong("pairwise", "rubric", "behavior");
        var prompt = new Option<FileInfo?>("--prompt") { Description = "Prompt template file replacing the built-in one (placeholders {{query}}, {{answer_a}}, {{answer_b}} or {{answer}}); its file name is the prompt version." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Judgments file (JSONL), created or appended to.", Required = true };
        var sample = new Option<int>("--sample") { Description = "Which generation sample to judge.", DefaultValueFactory = _ => 0 };
        var concurrency = new Option<int>("--concurrency") { Description = "Comparisons in flight at once.", DefaultValueFactory = _ => 4 };
        var taxonomy = CommonOptions.Taxonomy();
        foreach (var o in new Option[] { queries, generations, judgeConfig, models, baseline, mode, prompt, output, sample, concurrency, taxonomy }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var (qs, _) = await EvalOptions.ReadQueriesAsync(parse.GetValue(queries)!, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)), false, ct).ConfigureAwait(false);
            var (records, problems) = await GenerationResultsFile.ReadAsync(parse.GetValue(generations)!.FullName, ct).ConfigureAwait(false);
            EvalOptions.Report(problems, false);
            var judgeModel = EvalModelConfigFile.Load(parse.GetValue(judgeConfig)!.FullName)[0];
            var template = parse.GetValue(prompt) is { } p ? JudgePrompt.FromFile(p.FullName) : null;
            var options = new LlmJudgeRunOptions
            {
                JudgeName = judgeModel.Name, Baseline = parse.GetValue(baseline), Sample = parse.GetValue(sample), MaxConcurrency = parse.GetValue(concurrency),
            };
            var summary = parse.GetValue(mode) switch
            {
                "rubric" => await LlmJudgeRunner.RunRubricAsync(new LlmRubricJudge(judgeModel.Client, template, judgeModel.Options), qs, records, parse.GetValue(models)!, parse.GetValue(output)!.FullName, options, ct).ConfigureAwait(false),
                "behavior" => await LlmJudgeRunner.RunBehaviorAsync(new LlmBehaviorLabeler(judgeModel.Client, template, judgeModel.Options), qs, records, parse.GetValue(models)!, parse.GetValue(output)!.FullName, options, ct).ConfigureAwait(false),
                _ => await LlmJudgeRunner.RunPairwiseAsync(new LlmPairwiseJudge(judgeModel.Client, template, judgeModel.Options), qs, records, parse.GetValue(models)!, parse.GetValue(output)!.FullName, options, ct).ConfigureAwait(false),
            };
            foreach (var f in summary.Failures) Console.Error.WriteLine("not judged: " + f);
            Console.Out.WriteLine($"{summary.Judged} judged ({summary.PositionInconsistent} position-inconsistent), {summary.Skipped} already present, {summary.Failures.Count} not judged");
            return summary.Failures.Count == 0 ? 0 : 3;
        });
        return command;
    }
}
