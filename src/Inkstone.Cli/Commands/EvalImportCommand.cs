using System.CommandLine;
using System.Text.Json.Nodes;
using Inkstone.Cli.Conventions;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval import</c>: reads judgment files of any supported shape and writes them normalised.</summary>
public static class EvalImportCommand
{
    private const string Help = "Import human (or LLM) judgments: pairwise verdicts (JSONL or CSV: query_id, model_a, model_b, annotator, "
        + "verdict a|b|tie), full rankings (JSONL {query_id, annotator, ranking:[best, …]}; each implies N(N−1)/2 verdicts), the paper's "
        + "ranking-tool export (.json), rubric scores 0–3 (JSONL {query_id, model, annotator, scores:{content_quality, creative_merit, "
        + "cultural_appropriateness, task_fulfilment, overall_preference}}), and blind records (item_id + labels, with --key). Writes one "
        + "normalised JSONL file that `eval report` reads. Every rejected record is listed with file, line and field (exit code 1; "
        + "--strict stops with 2).";

    public static Command Create()
    {
        var command = new Command("import", Help);
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "Judgment files (.jsonl, .json, .csv).", Arity = ArgumentArity.OneOrMore,
        }.ExistingFiles();
        var output = CommonOptions.Output("Normalised judgments file to write (JSONL).", required: true);
        var annotator = new Option<string?>("--annotator") { Description = "Annotator for records that do not name one (default: the file name)." };
        var modelMap = new Option<string[]>("--model-map")
        {
            Description = "NAME=MODEL: rename a model or ranking-tool source file, e.g. writing_zh_10k.json=M_CW+10k (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        };
        var key = new Option<FileInfo?>("--key")
        {
            Description = "Key file of a blind assignment (from `eval assign`), to map item ids and labels back to queries and models.",
        }.ExistingFiles();
        var kind = new Option<string>("--judge-kind")
        {
            Description = "Who judged, for records that do not say: human or llm.", DefaultValueFactory = _ => "human",
        };
        kind.AcceptOnlyFromAmong("human", "llm");
        var strict = CommonOptions.Strict();
        var format = CommonOptions.Format();
        command.Arguments.Add(files);
        foreach (var o in new Option[] { output, annotator, modelMap, key, kind, strict, format }) command.Options.Add(o);
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
            EvalOptions.PrintNotes(set.Notes);
            var rejected = EvalOptions.Report(set.Diagnostics, parse.GetValue(strict));
            // An empty input is not an error, but it must not pass for a successful import either.
            if (set.Pairwise.Count == 0 && set.Rubric.Count == 0)
                Console.Error.WriteLine("note: no judgment was read from " + string.Join(", ", parse.GetValue(files)!.Select(f => f.Name)));
            var path = parse.GetValue(output)!.FullName;
            await JudgmentFileWriter.WriteAsync(path, set, ct).ConfigureAwait(false);
            var judges = set.Pairwise.Select(p => p.Judge).Concat(set.Rubric.Select(r => r.Judge)).Distinct().Count();
            var ties = set.Pairwise.Count(p => p.Verdict == Verdict.Tie);
            var byOrigin = set.Pairwise.GroupBy(p => p.Origin).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(new JsonObject
                {
                    ["pairwise"] = set.Pairwise.Count, ["ties"] = ties, ["rubric"] = set.Rubric.Count, ["judges"] = judges,
                    ["pairwise_by_origin"] = new JsonObject(byOrigin.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
                    ["rejected"] = rejected,
                    ["problems"] = new JsonArray(set.Diagnostics.Select(d => (JsonNode)d.ToString()).ToArray()),
                    ["output"] = path,
                }.ToJsonString(CliJson.Indented));
            }
            else
            {
                var origins = string.Join(", ", byOrigin.Select(g => $"{g.Count()} from {g.Key}"));
                var from = origins.Length > 0 ? origins + "; " : "";
                Console.Out.WriteLine($"{set.Pairwise.Count} pairwise verdicts ({from}{ties} ties), {set.Rubric.Count} rubric records, "
                    + $"{judges} judges → {path}" + (rejected > 0 ? $"; {rejected} record(s) rejected" : ""));
            }
            return ExitCodes.FromRejections(rejected);
        });
        return command;
    }
}
