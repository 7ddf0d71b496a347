using System.CommandLine;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval assign</c>: blind annotation files with the key kept apart.</summary>
public static class EvalAssignCommand
{
    public static Command Create()
    {
        var command = new Command("assign", "Write blind annotation files: one JSONL per annotator with every query and its answers shuffled under labels A, B, C, … (no model names), and a separate key file that `eval import --key` uses to map the verdicts back.");
        var queries = EvalOptions.Queries(required: true);
        var generations = new Option<FileInfo>("--generations") { Description = "Generation results (JSONL from `eval generate`).", Required = true };
        var models = new Option<string[]>("--models") { Description = "Models whose answers go into each item.", Required = true, AllowMultipleArgumentsPerToken = true };
        var annotators = new Option<string[]>("--annotators") { Description = "Annotator names (one file each).", Required = true, AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffles.", DefaultValueFactory = _ => 20251001 };
        var sample = new Option<int>("--sample") { Description = "Which generation sample to show.", DefaultValueFactory = _ => 0 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the annotators' files.", Required = true };
        var key = new Option<FileInfo>("--key") { Description = "Key file to write (keep it away from the annotators).", Required = true };
        var taxonomy = CommonOptions.Taxonomy();
        foreach (var o in new Option[] { queries, generations, models, annotators, seed, sample, output, key, taxonomy }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var (qs, _) = await EvalOptions.ReadQueriesAsync(parse.GetValue(queries)!, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)), false, ct).ConfigureAwait(false);
            var (records, problems) = await GenerationResultsFile.ReadAsync(parse.GetValue(generations)!.FullName, ct).ConfigureAwait(false);
            EvalOptions.Report(problems, false);
            var assignment = BlindAssignment.Create(qs, records, parse.GetValue(models)!, parse.GetValue(annotators)!, parse.GetValue(seed), parse.GetValue(sample));
            foreach (var s in assignment.SkippedQueries) Console.Error.WriteLine($"left out: {s}");
            await assignment.WriteAsync(parse.GetValue(output)!.FullName, parse.GetValue(key)!.FullName, ct).ConfigureAwait(false);
            Console.Out.WriteLine($"{assignment.ItemsByAnnotator.Values.Sum(i => i.Count)} items for {assignment.ItemsByAnnotator.Count} annotators → {parse.GetValue(output)!.FullName}; key → {parse.GetValue(key)!.FullName}");
            return 0;
        });
        return command;
    }
}
