using System.CommandLine;
using System.Text.Json.Nodes;
using Inkstone.Cli.Conventions;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval assign</c>: blind annotation files with the key kept apart.</summary>
public static class EvalAssignCommand
{
    private const string Help = "Write blind annotation files: one JSONL per annotator with every query and its answers shuffled under "
        + "labels A, B, C, … (no model names), and a separate key file that `eval import --key` uses to map the verdicts back. "
        + "Queries without an answer from every listed model are left out and listed (exit code 1).";

    public static Command Create()
    {
        var command = new Command("assign", Help);
        var queries = EvalOptions.Queries(required: true);
        var generations = EvalOptions.Generations("Generation results (JSONL from `eval generate`).", required: true);
        var models = new Option<string[]>("--models")
        {
            Description = "Models whose answers go into each item (2 to 26).", Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var annotators = new Option<string[]>("--annotators")
        {
            Description = "Annotator names (one file each, so no path separators).", Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the shuffles (a non-negative integer).", DefaultValueFactory = _ => 20251001,
        }.AtLeast(0);
        var sample = new Option<int>("--sample")
        {
            Description = "Which generation sample to show (0 = the first).", DefaultValueFactory = _ => 0,
        }.AtLeast(0);
        var output = CommonOptions.OutputFolder("Folder for the annotators' files (created when missing).", required: true);
        var key = new Option<FileInfo>("--key")
        {
            Description = "Key file to write (keep it away from the annotators).", Required = true,
        }.OutputFile();
        var taxonomy = CommonOptions.Taxonomy();
        var strict = CommonOptions.Strict();
        var format = CommonOptions.Format();
        foreach (var o in new Option[] { queries, generations, models, annotators, seed, sample, output, key, taxonomy, strict, format })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var strictMode = parse.GetValue(strict);
            var names = parse.GetValue(models)!.Distinct(StringComparer.Ordinal).ToList();
            if (names.Count is < 2 or > 26)
                throw new CliInputException($"--models: a blind assignment needs 2 to 26 models (labels A–Z), got {names.Count}");
            var people = parse.GetValue(annotators)!;
            CheckAnnotators(people);
            var (qs, rejected) = await EvalOptions.ReadQueriesAsync(parse.GetValue(queries)!, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)),
                strictMode, ct).ConfigureAwait(false);
            var generationsFile = parse.GetValue(generations)!.FullName;
            var (records, problems) = await GenerationResultsFile.ReadAsync(generationsFile, ct).ConfigureAwait(false);
            rejected += EvalOptions.Report(problems, strictMode);
            var shown = parse.GetValue(sample);
            EvalOptions.RequireKnown("--models", names, records.Where(r => r.Succeeded && r.Sample == shown).Select(r => r.Model),
                $"{generationsFile} (models with an answer for sample {shown})");

            var assignment = BlindAssignment.Create(qs, records, names, people, parse.GetValue(seed), shown);
            foreach (var s in assignment.SkippedQueries) Console.Error.WriteLine($"left out: {s}");
            var folder = parse.GetValue(output)!.FullName;
            var keyFile = parse.GetValue(key)!.FullName;
            await assignment.WriteAsync(folder, keyFile, ct).ConfigureAwait(false);
            var items = assignment.ItemsByAnnotator.Values.Sum(i => i.Count);
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(new JsonObject
                {
                    ["items"] = items, ["annotators"] = assignment.ItemsByAnnotator.Count,
                    ["queries"] = qs.Count - assignment.SkippedQueries.Count,
                    ["left_out"] = new JsonArray(assignment.SkippedQueries.Select(s => (JsonNode)s).ToArray()),
                    ["rejected_records"] = rejected,
                    ["files"] = new JsonArray(assignment.ItemsByAnnotator.Keys.Select(a => (JsonNode)Path.Combine(folder, a + ".jsonl")).ToArray()),
                    ["key"] = keyFile,
                }.ToJsonString(CliJson.Indented));
            }
            else
            {
                Console.Out.WriteLine($"{items} items for {assignment.ItemsByAnnotator.Count} annotators → {folder}; key → {keyFile}"
                    + (assignment.SkippedQueries.Count > 0 ? $"; {assignment.SkippedQueries.Count} queries left out (listed above)" : ""));
            }
            return ExitCodes.FromRejections(assignment.SkippedQueries.Count + rejected);
        });
        return command;
    }

    /// <summary>Each annotator's name becomes a file name: it must be one, and two annotators must not share a file.</summary>
    private static void CheckAnnotators(string[] annotators)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\']).ToArray();
        foreach (var a in annotators)
            if (string.IsNullOrWhiteSpace(a) || a.IndexOfAny(invalid) >= 0 || a is "." or "..")
                throw new CliInputException($"--annotators: '{a}' cannot be a file name");
        if (annotators.GroupBy(a => a, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new CliInputException($"--annotators: '{twice.Key}' is given twice");
    }
}
