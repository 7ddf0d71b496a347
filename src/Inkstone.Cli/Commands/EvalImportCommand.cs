using System.CommandLine;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval import</c>: reads judgment files of any supported shape and writes them normalised.</summary>
public static class EvalImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import human (or LLM) judgments: pairwise verdicts (JSONL or CSV: query_id, model_a, model_b, annotator, verdict a|b|tie), full rankings (JSONL {query_id, annotator, ranking:[best, …]}; each implies N(N−1)/2 verdicts), the paper's ranking-tool export (.json), rubric scores 0–3 (JSONL {query_id, model, annotator, scores:{content_quality, creative_merit, cultural_appropriateness, task_fulfilment, overall_preference}}), and blind records (item_id + labels, with --key). Writes one normalised JSONL file that `eval report` reads.");
        var files = new Argument<FileInfo[]>("files") { Description = "Judgment files (.jsonl, .json, .csv).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Normalised judgments file to write (JSONL).", Required = true };
        var annotator = new Option<string?>("--annotator") { Description = "Annotator for records that do not name one (default: the file name)." };
        var modelMap = new Option<string[]>("--model-map") { Description = "NAME=MODEL: rename a model or ranking-tool source file, e.g. writing_zh_10k.json=M_CW+10k (repeatable).", AllowMultipleArgumentsPerToken = true };
        var key = new Option<FileInfo?>("--key") { Description = "Key file of a blind assignment (from `eval assign`), to map item ids and labels back to queries and models." };
        var kind = new Option<string>("--judge-kind") { Description = "Who judged, for records that do not say: human or llm.", DefaultValueFactory = _ => "human" };
        kind.AcceptOnlyFromAmong("human", "llm");
        var strict = EvalOptions.Strict();
        command.Arguments.Add(files);
        foreach (var o in new Option[] { output, annotator, modelMap, key, kind, strict }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var options = new JudgmentImportOptions
            {
                DefaultJudge = parse.GetValue(annotator),
                JudgeKind = parse.GetValue(kind) == "llm" ? JudgeKind.Llm : JudgeKind.Human,
                ModelNames = EvalOptions.Map(parse.GetValue(modelMap), "--model-map"),
                BlindKey = parse.GetValue(key) is { } k ? await BlindKey.LoadAsync(k.FullName, ct).ConfigureAwait(false) : null,
            };
            var set = await JudgmentFileReader.ReadAllAsync(parse.GetValue(files)!.Select(f => f.FullName), options, ct).ConfigureAwait(false);
            if (!EvalOptions.Report(set.Diagnostics, parse.GetValue(strict))) return 1;
            await JudgmentFileWriter.WriteAsync(parse.GetValue(output)!.FullName, set, ct).ConfigureAwait(false);
            var byOrigin = string.Join(", ", set.Pairwise.GroupBy(p => p.Origin).Select(g => $"{g.Count()} from {g.Key}"));
            Console.Out.WriteLine($"{set.Pairwise.Count} pairwise verdicts ({byOrigin}; {set.Pairwise.Count(p => p.Verdict == Verdict.Tie)} ties), {set.Rubric.Count} rubric records, "
                + $"{set.Pairwise.Select(p => p.Judge).Concat(set.Rubric.Select(r => r.Judge)).Distinct().Count()} judges → {parse.GetValue(output)!.FullName}");
            return 0;
        });
        return command;
    }
}
