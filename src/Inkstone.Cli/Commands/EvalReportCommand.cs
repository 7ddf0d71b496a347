using System.CommandLine;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.Rendering;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Reports;
using Inkstone.Evaluation.Statistics;
using Inkstone.Reports;
using Inkstone.Text.Lengths;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval report</c>: win rates, significance, ratings, length control, agreement, per-genre results.</summary>
public static class EvalReportCommand
{
    private const string Help = "Report on judgments: win-rate matrix per language (row beats column, ties ½) with sign-test marks and "
        + "Wilson intervals, Bradley–Terry ratings with bootstrap intervals, length-controlled win rate against a baseline, per-genre "
        + "win rates, annotator agreement (Cohen, Fleiss, Krippendorff), rubric means, LLM-judge quality, and with --generations the "
        + "answer lengths, lexical diversity and cross-lingual contamination per model. Definitions: docs/evaluation.md. Exit code 3 "
        + "when a length-controlled fit did not converge, 1 when an input record was rejected.";

    public static Command Create()
    {
        var command = new Command("report", Help);
        var files = new Argument<FileInfo[]>("judgments")
        {
            Description = "Judgment files (normalised by `eval import`, or any shape it reads).", Arity = ArgumentArity.OneOrMore,
        }.ExistingFiles();
        var queries = EvalOptions.Queries(required: false);
        var generations = EvalOptions.Generations("Generation results (JSONL): answer lengths for the length-controlled win rate and, with "
            + "--queries, the output analyses (lengths, TTR/MATTR/MTLD with Chinese words from the jieba-compatible segmenter, "
            + "contamination of answers to English prompts).", required: false);
        var tokenizer = CommonOptions.Tokenizer();
        tokenizer.Description = "Count answer tokens with this Hugging Face byte-level BPE tokenizer (a folder with tokenizer.json or "
            + "vocab.json + merges.txt, or a tokenizer.json file) instead of the calls' output-token usage.";
        tokenizer.Validators.Add(r =>
        {
            foreach (var t in r.Tokens)
                if (!File.Exists(t.Value) && !Directory.Exists(t.Value)) r.AddError($"{t.Value}: no such file or folder");
        });
        var contamination = new ContaminationRuleOptions();
        var behavior = new Option<FileInfo?>("--behavior")
        {
            Description = "Reasoning-behaviour labels (JSONL from `eval judge --mode behavior`), for the behaviour distribution per model.",
        }.ExistingFiles();
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Baseline model of the length-controlled win rate (e.g. M_G); needs --generations.",
        };
        var models = new Option<string[]>("--models")
        {
            Description = "Model order of the tables (judged models).", AllowMultipleArgumentsPerToken = true,
        };
        var judges = new Option<string>("--judges")
        {
            Description = "Verdicts behind the win rates: human, llm or all.", DefaultValueFactory = _ => "human",
        };
        judges.AcceptOnlyFromAmong("human", "llm", "all");
        var resamples = new Option<int>("--resamples")
        {
            Description = "Bootstrap resamples for the Bradley–Terry intervals (0 = no intervals).", DefaultValueFactory = _ => 1000,
        }.AtLeast(0);
        var seed = new Option<int>("--seed")
        {
            Description = "Bootstrap seed (a non-negative integer).", DefaultValueFactory = _ => 20251001,
        }.AtLeast(0);
        var anchor = new Option<string?>("--anchor") { Description = "Model fixed at rating 1000 (default: the ratings' mean is 1000)." };
        var format = CommonOptions.Format(tables: true);
        var output = CommonOptions.Output("Write the report to this file instead of standard output.", required: false);
        var taxonomy = CommonOptions.Taxonomy();
        var strict = CommonOptions.Strict();
        command.Arguments.Add(files);
        foreach (var o in new Option[]
            { queries, generations, tokenizer, behavior, baseline, models, judges, resamples, seed, anchor, format, output, taxonomy, strict })
            command.Options.Add(o);
        contamination.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var strictMode = parse.GetValue(strict);
            if (parse.GetValue(baseline) is not null && parse.GetValue(generations) is null)
                throw new CliInputException("--baseline: the length-controlled win rate needs --generations (the answers' lengths)");
            var outputOptions = new OutputAnalysisOptions
            {
                // The dictionary is loaded only when there are answers to segment.
                ChineseSegmenter = parse.GetValue(generations) is null ? null : TextSegmenters.CreateDefault(),
                TokenCounter = parse.GetValue(tokenizer) is { } path
                    ? await HuggingFaceBpeTokenCounter.LoadAsync(path.FullName, ct).ConfigureAwait(false)
                    : null,
                Contamination = contamination.Read(parse),
            };
            var set = await JudgmentFileReader.ReadAllAsync(parse.GetValue(files)!.Select(f => f.FullName), null, ct).ConfigureAwait(false);
            EvalOptions.PrintNotes(set.Notes);
            var rejected = EvalOptions.Report(set.Diagnostics, strictMode);
            IReadOnlyList<BenchmarkQuery>? qs = null;
            if (parse.GetValue(queries) is { Length: > 0 } queryFiles)
            {
                (qs, var r) = await EvalOptions.ReadQueriesAsync(queryFiles, CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy)), strictMode, ct)
                    .ConfigureAwait(false);
                rejected += r;
            }
            IReadOnlyList<GenerationRecord>? gens = null;
            if (parse.GetValue(generations) is { } g)
            {
                (gens, var problems) = await GenerationResultsFile.ReadAsync(g.FullName, ct).ConfigureAwait(false);
                rejected += EvalOptions.Report(problems, strictMode);
            }
            IReadOnlyList<BehaviorLabel>? labels = null;
            if (parse.GetValue(behavior) is { } b)
            {
                (labels, var problems) = await BehaviorLabelFile.ReadAsync(b.FullName, ct).ConfigureAwait(false);
                rejected += EvalOptions.Report(problems, strictMode);
            }
            var judgeSelection = parse.GetValue(judges) switch
            {
                "llm" => JudgeSelection.Llm, "all" => JudgeSelection.All, _ => JudgeSelection.Human,
            };
            CheckModelNames(parse, set, gens, judgeSelection, models, anchor, baseline, parse.GetValue(judges)!);

            var options = new EvaluationReportOptions
            {
                Models = parse.GetValue(models) ?? [],
                Baseline = parse.GetValue(baseline),
                Judges = judgeSelection,
                BradleyTerry = new BradleyTerryOptions
                {
                    Resamples = parse.GetValue(resamples), Seed = parse.GetValue(seed), Anchor = parse.GetValue(anchor),
                },
                Outputs = outputOptions,
            };
            var report = EvaluationReportBuilder.Build(set, qs, gens, options, labels);
            await WriteAsync(report, parse.GetValue(format)!, parse.GetValue(output)?.FullName, ct).ConfigureAwait(false);
            var unconverged = report.Languages.SelectMany(l => l.LengthControlled).Any(r => !r.Converged);
            return EvalOptions.ExitCode(unconverged, rejected);
        });
        return command;
    }

    /// <summary>
    /// Names given on the command line must match judged models: a typo would otherwise drop a row, an interval or the
    /// length-controlled win rate without a word.
    /// </summary>
    private static void CheckModelNames(ParseResult parse, JudgmentSet set, IReadOnlyList<GenerationRecord>? generations, JudgeSelection judges,
        Option<string[]> models, Option<string?> anchor, Option<string?> baseline, string judgesName)
    {
        var judged = set.Pairwise.SelectMany(p => new[] { p.ModelA, p.ModelB }).Concat(set.Rubric.Select(r => r.Model))
            .Concat(generations?.Select(x => x.Model) ?? []);
        EvalOptions.RequireKnown("--models", parse.GetValue(models) ?? [], judged, "the judgments or generations");
        var compared = set.Pairwise.Where(p => judges switch
        {
            JudgeSelection.Human => p.JudgeKind == JudgeKind.Human,
            JudgeSelection.Llm => p.JudgeKind == JudgeKind.Llm,
            _ => true,
        }).SelectMany(p => new[] { p.ModelA, p.ModelB }).ToHashSet(StringComparer.Ordinal);
        var where = $"the pairwise verdicts (--judges {judgesName})";
        if (parse.GetValue(anchor) is { } a) EvalOptions.RequireKnown("--anchor", [a], compared, where);
        if (parse.GetValue(baseline) is { } b) EvalOptions.RequireKnown("--baseline", [b], compared, where);
    }

    /// <summary>The report in the chosen format, on standard output or into the --output file (text tables then have no width limit).</summary>
    private static async Task WriteAsync(EvaluationReport report, string format, string? file, CancellationToken cancellationToken)
    {
        var tables = EvaluationReportTables.Build(report);
        if (file is null)
        {
            if (format == "json") Console.Out.WriteLine(EvaluationReportJson.Build(report).ToJsonString(CliJson.Indented));
            else ReportTableOutput.Write(Console.Out, tables, format, report.Notes);
            return;
        }
        using var writer = new StringWriter { NewLine = "\n" };
        switch (format)
        {
            case "json": writer.WriteLine(EvaluationReportJson.Build(report).ToJsonString(CliJson.Indented)); break;
            case "text": TextTableWriter.Write(writer, tables, int.MaxValue, report.Notes); break;
            default: ReportTableOutput.Write(writer, tables, format, report.Notes); break;
        }
        await File.WriteAllTextAsync(file, writer.ToString(), cancellationToken).ConfigureAwait(false);
        Console.Error.WriteLine($"report ({format}) → {file}");
    }
}
