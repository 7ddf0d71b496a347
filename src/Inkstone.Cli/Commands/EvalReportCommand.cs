using Inkstone.Reports;
using System.CommandLine;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Reports;
using Inkstone.Evaluation.Statistics;
using Inkstone.Text.Lengths;
using Spectre.Console;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval report</c>: win rates, significance, ratings, length control, agreement, per-genre results.</summary>
public static class EvalReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Report on judgments: win-rate matrix per language (row beats column, ties ½) with sign-test marks and Wilson intervals, Bradley–Terry ratings with bootstrap intervals, length-controlled win rate against a baseline, per-genre win rates, annotator agreement (Cohen, Fleiss, Krippendorff), rubric means, LLM-judge quality, and with --generations the answer lengths, lexical diversity and cross-lingual contamination per model. Definitions: docs/evaluation.md.");
        var files = new Argument<FileInfo[]>("judgments") { Description = "Judgment files (normalised by `eval import`, or any shape it reads).", Arity = ArgumentArity.OneOrMore };
        var queries = EvalOptions.Queries(required: false);
        var generations = new Option<FileInfo?>("--generations")
        {
            Description = "Generation results (JSONL): answer lengths for the length-controlled win rate and, with --queries, the output analyses " +
                "(lengths, TTR/MATTR/MTLD with Chinese words from the jieba-compatible segmenter, contamination of answers to English prompts).",
        };
        var tokenizer = CommonOptions.Tokenizer();
        tokenizer.Description = "Count answer tokens with this Hugging Face byte-level BPE tokenizer (a folder with tokenizer.json or vocab.json + merges.txt, " +
            "or a tokenizer.json file) instead of the calls' output-token usage.";
        var contamination = new ContaminationRuleOptions();
        var behavior = new Option<FileInfo?>("--behavior") { Description = "Reasoning-behaviour labels (JSONL from `eval judge --mode behavior`), for the behaviour distribution per model." };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline model of the length-controlled win rate (e.g. M_G)." };
        var models = new Option<string[]>("--models") { Description = "Model order of the tables.", AllowMultipleArgumentsPerToken = true };
        var judges = new Option<string>("--judges") { Description = "Verdicts behind the win rates: human, llm or all.", DefaultValueFactory = _ => "human" };
        judges.AcceptOnlyFromAmong("human", "llm", "all");
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples for the Bradley–Terry intervals.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed.", DefaultValueFactory = _ => 20251001 };
        var anchor = new Option<string?>("--anchor") { Description = "Model fixed at rating 1000 (default: the ratings' mean is 1000)." };
        var format = CommonOptions.Format(tables: true);
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of the console." };
        var taxonomy = CommonOptions.Taxonomy();
        var strict = EvalOptions.Strict();
        command.Arguments.Add(files);
        foreach (var o in new Option[] { queries, generations, tokenizer, behavior, baseline, models, judges, resamples, seed, anchor, format, output, taxonomy, strict }) command.Options.Add(o);
        contamination.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var strictMode = parse.GetValue(strict);
            OutputAnalysisOptions outputOptions;
            try
            {
                outputOptions = new OutputAnalysisOptions
                {
                    // The dictionary is loaded only when there are answers to segment.
                    ChineseSegmenter = parse.GetValue(generations) is null ? null : TextSegmenters.CreateDefault(),
                    TokenCounter = parse.GetValue(tokenizer) is { } path ? await HuggingFaceBpeTokenCounter.LoadAsync(path.FullName, ct).ConfigureAwait(false) : null,
                    Contamination = contamination.Read(parse),
                };
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 1;
            }
            var set = await JudgmentFileReader.ReadAllAsync(parse.GetValue(files)!.Select(f => f.FullName), null, ct).ConfigureAwait(false);
            if (!EvalOptions.Report(set.Diagnostics, strictMode)) return 1;
            IReadOnlyList<BenchmarkQuery>? qs = null;
            if (parse.GetValue(queries) is { Length: > 0 } queryFiles)
            {
                (qs, var ok) = await EvalOptions.ReadQueriesAsync(queryFiles, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)), strictMode, ct).ConfigureAwait(false);
                if (!ok) return 1;
            }
            IReadOnlyList<GenerationRecord>? gens = null;
            if (parse.GetValue(generations) is { } g)
            {
                (gens, var problems) = await GenerationResultsFile.ReadAsync(g.FullName, ct).ConfigureAwait(false);
                if (!EvalOptions.Report(problems, strictMode)) return 1;
            }
            IReadOnlyList<BehaviorLabel>? labels = null;
            if (parse.GetValue(behavior) is { } b)
            {
                (labels, var problems) = await BehaviorLabelFile.ReadAsync(b.FullName, ct).ConfigureAwait(false);
                if (!EvalOptions.Report(problems, strictMode)) return 1;
            }
            var options = new EvaluationReportOptions
            {
                Models = parse.GetValue(models) ?? [],
                Baseline = parse.GetValue(baseline),
                Judges = parse.GetValue(judges) switch { "llm" => JudgeSelection.Llm, "all" => JudgeSelection.All, _ => JudgeSelection.Human },
                BradleyTerry = new BradleyTerryOptions { Resamples = parse.GetValue(resamples), Seed = parse.GetValue(seed), Anchor = parse.GetValue(anchor) },
                Outputs = outputOptions,
            };
            var report = EvaluationReportBuilder.Build(set, qs, gens, options, labels);
            var tables = EvaluationReportTables.Build(report);
            var text = parse.GetValue(format) switch
            {
                "json" => EvaluationReportJson.Build(report).ToJsonString(CliJson.Indented),
                "md" => ReportTableWriter.ToMarkdown(tables, report.Notes),
                "csv" => ReportTableWriter.ToCsv(tables),
                _ => null,
            };
            if (text is null && parse.GetValue(output) is null)
            {
                foreach (var t in tables) AnsiConsole.Write(ToSpectre(t));
                foreach (var n in report.Notes) AnsiConsole.WriteLine("note: " + n);
                return 0;
            }
            text ??= ReportTableWriter.ToMarkdown(tables, report.Notes);
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, text, ct).ConfigureAwait(false);
            else Console.Out.WriteLine(text);
            return 0;
        });
        return command;
    }

    private static Table ToSpectre(ReportTable t)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(t.Title)) };
        foreach (var c in t.Columns) table.AddColumn(Markup.Escape(c));
        foreach (var row in t.Rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        if (t.Note is not null) table.Caption = new TableTitle(Markup.Escape(t.Note));
        return table;
    }
}
