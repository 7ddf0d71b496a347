using System.CommandLine;
using Inkstone.Cli.Conventions;
using Inkstone.Evaluation.Analysis;
using Inkstone.Evaluation.Generation;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Evaluation.Reports;
using Inkstone.Evaluation.Statistics;
using Inkstone.Text.Lengths;

namespace Inkstone.Cli.Commands;

/// <summary>
/// The inputs and settings of an evaluation report (judgments, queries, generations, behaviour labels, model order,
/// judges, bootstrap) and how they are read into <see cref="EvaluationReportBuilder.Build"/>: shared by
/// <c>eval report</c> and <c>report eval|paper</c>, so both report the same numbers from the same options.
/// </summary>
public sealed class EvalReportInputs
{
    public EvalReportInputs(bool judgmentsRequired = true)
    {
        Judgments = new Argument<FileInfo[]>("judgments")
        {
            Description = "Judgment files (normalised by `eval import`, or any shape it reads).",
            Arity = judgmentsRequired ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
        }.ExistingFiles();
        Tokenizer = CommonOptions.Tokenizer();
        Tokenizer.Description = "Count answer tokens with this Hugging Face byte-level BPE tokenizer (a folder with tokenizer.json or "
            + "vocab.json + merges.txt, or a tokenizer.json file) instead of the calls' output-token usage.";
        Tokenizer.Validators.Add(r =>
        {
            foreach (var t in r.Tokens)
                if (!File.Exists(t.Value) && !Directory.Exists(t.Value)) r.AddError($"{t.Value}: no such file or folder");
        });
        Judges.AcceptOnlyFromAmong("human", "llm", "all");
    }

    public Argument<FileInfo[]> Judgments { get; }

    public Option<FileInfo[]> Queries { get; } = EvalOptions.Queries(required: false);

    public Option<FileInfo> Generations { get; } = EvalOptions.Generations("Generation results (JSONL): answer lengths for the "
        + "length-controlled win rate and, with --queries, the output analyses (lengths, TTR/MATTR/MTLD with Chinese words from the "
        + "jieba-compatible segmenter, contamination of answers to English prompts).", required: false);

    public Option<FileSystemInfo?> Tokenizer { get; }

    public ContaminationRuleOptions Contamination { get; } = new();

    public Option<FileInfo?> Behavior { get; } = new Option<FileInfo?>("--behavior")
    {
        Description = "Reasoning-behaviour labels (JSONL from `eval judge --mode behavior`), for the behaviour distribution per model.",
    }.ExistingFiles();

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Baseline model of the length-controlled win rate (e.g. M_G); needs --generations.",
    };

    public Option<string[]> Models { get; } = new("--models")
    {
        Description = "Model order of the tables (judged models).", AllowMultipleArgumentsPerToken = true,
    };

    public Option<string> Judges { get; } = new("--judges")
    {
        Description = "Verdicts behind the win rates: human, llm or all.", DefaultValueFactory = _ => "human",
    };

    public Option<int> Resamples { get; } = new Option<int>("--resamples")
    {
        Description = "Bootstrap resamples for the Bradley–Terry intervals (0 = no intervals).", DefaultValueFactory = _ => 1000,
    }.AtLeast(0);

    public Option<int> Seed { get; } = new Option<int>("--seed")
    {
        Description = "Bootstrap seed (a non-negative integer).", DefaultValueFactory = _ => 20251001,
    }.AtLeast(0);

    public Option<string?> Anchor { get; } = new("--anchor") { Description = "Model fixed at rating 1000 (default: the ratings' mean is 1000)." };

    public Option<FileInfo?> Taxonomy { get; } = CommonOptions.Taxonomy();

    public Option<bool> Strict { get; } = CommonOptions.Strict();

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(Judgments);
        foreach (var o in new Option[] { Queries, Generations, Tokenizer, Behavior, Baseline, Models, Judges, Resamples, Seed, Anchor, Taxonomy, Strict })
            command.Options.Add(o);
        Contamination.AddTo(command);
    }

    /// <summary>Whether judgment files were named (report paper may run without them).</summary>
    public bool HasJudgments(ParseResult parse) => parse?.GetValue(Judgments) is { Length: > 0 };

    /// <summary>Reads every input (problems to standard error) and builds the report; rejected counts the rejected records.</summary>
    public async Task<(EvaluationReport Report, int Rejected)> BuildAsync(ParseResult parse, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var strictMode = parse.GetValue(Strict);
        if (parse.GetValue(Baseline) is not null && parse.GetValue(Generations) is null)
            throw new CliInputException("--baseline: the length-controlled win rate needs --generations (the answers' lengths)");
        var outputOptions = new OutputAnalysisOptions
        {
            // The dictionary is loaded only when there are answers to segment.
            ChineseSegmenter = parse.GetValue(Generations) is null ? null : TextSegmenters.CreateDefault(),
            TokenCounter = parse.GetValue(Tokenizer) is { } path
                ? await HuggingFaceBpeTokenCounter.LoadAsync(path.FullName, ct).ConfigureAwait(false)
                : null,
            Contamination = Contamination.Read(parse),
        };
        var set = await JudgmentFileReader.ReadAllAsync((parse.GetValue(Judgments) ?? []).Select(f => f.FullName), null, ct).ConfigureAwait(false);
        EvalOptions.PrintNotes(set.Notes);
        var rejected = EvalOptions.Report(set.Diagnostics, strictMode);
        IReadOnlyList<BenchmarkQuery>? qs = null;
        if (parse.GetValue(Queries) is { Length: > 0 } queryFiles)
        {
            (qs, var r) = await EvalOptions.ReadQueriesAsync(queryFiles, CommonOptions.LoadTaxonomy(parse.GetValue(Taxonomy)), strictMode, ct)
                .ConfigureAwait(false);
            rejected += r;
        }
        IReadOnlyList<GenerationRecord>? gens = null;
        if (parse.GetValue(Generations) is { } g)
        {
            (gens, var problems) = await GenerationResultsFile.ReadAsync(g.FullName, ct).ConfigureAwait(false);
            rejected += EvalOptions.Report(problems, strictMode);
        }
        IReadOnlyList<BehaviorLabel>? labels = null;
        if (parse.GetValue(Behavior) is { } b)
        {
            (labels, var problems) = await BehaviorLabelFile.ReadAsync(b.FullName, ct).ConfigureAwait(false);
            rejected += EvalOptions.Report(problems, strictMode);
        }
        var judgeSelection = parse.GetValue(Judges) switch
        {
            "llm" => JudgeSelection.Llm, "all" => JudgeSelection.All, _ => JudgeSelection.Human,
        };
        CheckModelNames(parse, set, gens, judgeSelection);

        var options = new EvaluationReportOptions
        {
            Models = parse.GetValue(Models) ?? [],
            Baseline = parse.GetValue(Baseline),
            Judges = judgeSelection,
            BradleyTerry = new BradleyTerryOptions
            {
                Resamples = parse.GetValue(Resamples), Seed = parse.GetValue(Seed), Anchor = parse.GetValue(Anchor),
            },
            Outputs = outputOptions,
        };
        return (EvaluationReportBuilder.Build(set, qs, gens, options, labels), rejected);
    }

    /// <summary>Exit code 3 when a length-controlled fit did not converge, 1 when records were rejected, else 0.</summary>
    public static int ExitCode(EvaluationReport report, int rejected)
    {
        ArgumentNullException.ThrowIfNull(report);
        var unconverged = report.Languages.SelectMany(l => l.LengthControlled).Any(r => !r.Converged);
        return EvalOptions.ExitCode(unconverged, rejected);
    }

    /// <summary>
    /// Names given on the command line must match judged models: a typo would otherwise drop a row, an interval or the
    /// length-controlled win rate without a word.
    /// </summary>
    private void CheckModelNames(ParseResult parse, JudgmentSet set, IReadOnlyList<GenerationRecord>? generations, JudgeSelection judges)
    {
        var judged = set.Pairwise.SelectMany(p => new[] { p.ModelA, p.ModelB }).Concat(set.Rubric.Select(r => r.Model))
            .Concat(generations?.Select(x => x.Model) ?? []);
        EvalOptions.RequireKnown("--models", parse.GetValue(Models) ?? [], judged, "the judgments or generations");
        var compared = set.Pairwise.Where(p => judges switch
        {
            JudgeSelection.Human => p.JudgeKind == JudgeKind.Human,
            JudgeSelection.Llm => p.JudgeKind == JudgeKind.Llm,
            _ => true,
        }).SelectMany(p => new[] { p.ModelA, p.ModelB }).ToHashSet(StringComparer.Ordinal);
        var where = $"the pairwise verdicts (--judges {parse.GetValue(Judges)})";
        if (parse.GetValue(Anchor) is { } a) EvalOptions.RequireKnown("--anchor", [a], compared, where);
        if (parse.GetValue(Baseline) is { } b) EvalOptions.RequireKnown("--baseline", [b], compared, where);
    }
}
