using System.CommandLine;
using System.Globalization;
using Inkstone.Cli.Conventions;
using Inkstone.Training;

namespace Inkstone.Cli.Commands;

/// <summary>
/// The options <c>train plan</c> and <c>train export</c> share: a plan file and flags that override it, and the
/// one call that turns them into a built <see cref="MixReport"/>.
/// </summary>
public sealed class TrainPlanOptions
{
    private readonly Option<FileInfo?> _plan = new Option<FileInfo?>("--plan")
    {
        Description = "Mix plan JSON (see docs/training-data.md). Flags below override its settings.",
    }.ExistingFiles();
    private readonly Option<FileInfo?> _process = new Option<FileInfo?>("--process")
    {
        Description = "Process dataset (COIG-Writer JSONL: id, query, thought, answer, metadata.genre).",
    }.ExistingFiles();
    private readonly Option<string[]> _general = new Option<string[]>("--general")
    {
        Description = "General-data JSONL file(s) in Alpaca, ShareGPT or OpenAI messages format; their valid lines form the pool "
            + "(a file named twice is read once).",
        AllowMultipleArgumentsPerToken = true,
    }.ExistingFiles();
    private readonly Option<long?> _seed = new("--seed") { Description = "Seed for every draw, split and shuffle (default 42)." };
    private readonly Option<string[]> _mix = new("--mix") { Description = "Mix NAME=PROCESS:GENERAL, PROCESS being 'all' or a count (repeatable; replaces the default five: cw=all:0 cw_1k=all:1000 cw_5k=all:5000 cw_10k=all:10000 g=0:10000).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<decimal?> _valFraction = new("--val-fraction") { Description = "Validation share (default 0.05): per genre for process data, evenly spread over the draw for general data. 0 trains on everything." };
    private readonly Option<string?> _thought = new("--thought") { Description = "Reasoning in the assistant turn: think (<think> block, default), drop, or prefix (plain text before the answer)." };
    private readonly Option<bool> _strict = CommonOptions.Strict(
        "Stop without mixing (exit 2) when any process or general-data line has a problem (default: report them, mix the valid ones, exit 1).");
    private readonly Option<FileSystemInfo?> _tokenizer = CommonOptions.Tokenizer("Without it, token lengths are a labelled character-based estimate.");
    private readonly Option<int?> _gpus = new("--gpus") { Description = "GPUs the runs will use (default 8); gradient accumulation = effective batch ÷ (per-device batch × GPUs)." };
    private readonly Option<int?> _perDevice = new("--per-device-batch") { Description = "Per-device train batch size (default 1)." };
    private readonly Option<int?> _effectiveBatch = new("--effective-batch") { Description = "Effective batch size (default 32, as in the paper)." };
    private readonly Option<string?> _baseModel = new("--base-model") { Description = "Base model for the YAMLs (Hugging Face id or path)." };
    private readonly Option<string?> _template = new("--template") { Description = "LLaMA-Factory chat template (default qwen3); must be one LLaMA-Factory ships." };
    private readonly Option<bool> _allowUnknownTemplate = new("--allow-unknown-template")
    {
        Description = "Accept a --template (or plan training.template) that LLaMA-Factory does not ship, e.g. one registered in your own copy.",
    };
    private readonly Option<int?> _cutoff = new("--cutoff-len") { Description = "Fixed cutoff_len; default: derived from the token statistics (p99 rounded up to a multiple of 1024, capped at 32768)." };
    private readonly Option<FileInfo?> _taxonomy = CommonOptions.Taxonomy();

    public TrainPlanOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { _plan, _process, _general, _seed, _mix, _valFraction, _thought, _strict, _tokenizer, _gpus,
            _perDevice, _effectiveBatch, _baseModel, _template, _allowUnknownTemplate, _cutoff, _taxonomy })
            command.Options.Add(option);
    }

    /// <summary>
    /// Builds the report. Input errors (a plan that does not hold, an unknown template, --strict stopping on the process
    /// dataset) are thrown as <see cref="TrainingDataException"/>: one error line and exit 2 by the verb guard.
    /// Notes (a general file named twice) go to standard error.
    /// </summary>
    public async Task<(MixReport Report, IReadOnlyList<string> ReadProblems)> BuildReportAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var plan = await ComposePlanAsync(parse, cancellationToken).ConfigureAwait(false);
        plan = plan.WithDistinctGeneralFiles(out var notes);
        foreach (var note in notes) await Console.Error.WriteLineAsync("note: " + note).ConfigureAwait(false);
        var strict = parse.GetValue(_strict);
        var taxonomy = CommonOptions.LoadTaxonomy(parse.GetValue(_taxonomy));
        var read = string.IsNullOrWhiteSpace(plan.ProcessPath)
            ? new ProcessDatasetReadResult([], [])
            : await ProcessDatasetLoader.LoadAsync(plan.Resolve(plan.ProcessPath), taxonomy, cancellationToken).ConfigureAwait(false);
        if (strict && read.Problems.Count > 0)
        {
            foreach (var problem in read.Problems) await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            throw new TrainingDataException($"stopped (--strict): {read.Problems.Count} problem(s) in the process dataset");
        }

        var counter = await CreateCounterAsync(parse, cancellationToken).ConfigureAwait(false);
        var report = await MixReportBuilder.BuildAsync(plan, read.Triplets, counter, strict, cancellationToken).ConfigureAwait(false);
        return (report, read.Problems);
    }

    /// <summary>Exit code of a built mix: 2 when --strict stopped it, 1 when any record was rejected, else 0.</summary>
    public static int ExitCode(MixReport report, IReadOnlyList<string> readProblems)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(readProblems);
        return report.Mix.Stopped ? ExitCodes.InputError
            : report.Mix.HasIssues || readProblems.Count > 0 ? ExitCodes.Rejected : ExitCodes.Success;
    }

    private async Task<ITokenCounter> CreateCounterAsync(ParseResult parse, CancellationToken cancellationToken) =>
        parse.GetValue(_tokenizer) is { } path
            ? await TokenizerTokenCounter.LoadAsync(path.FullName, cancellationToken).ConfigureAwait(false)
            : new CharacterEstimateTokenCounter();

    private async Task<MixPlan> ComposePlanAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var planFile = parse.GetValue(_plan);
        var process = parse.GetValue(_process);
        MixPlan plan;
        if (planFile is not null)
            plan = await MixPlanLoader.LoadAsync(planFile.FullName, cancellationToken).ConfigureAwait(false);
        else if (process is not null)
            plan = new MixPlan { ProcessPath = process.ToString(), BaseDirectory = Environment.CurrentDirectory };
        else
            throw new TrainingDataException("give a plan (--plan FILE) or at least the process dataset (--process FILE)");

        // Paths from flags are relative to the working directory, which may differ from the plan file's.
        string FromFlag(string path) => Path.GetRelativePath(plan.BaseDirectory, Path.GetFullPath(path)).Replace('\\', '/');
        if (process is not null) plan = plan with { ProcessPath = FromFlag(process.ToString()) };
        if (parse.GetValue(_general) is { Length: > 0 } general) plan = plan with { GeneralPaths = general.Select(FromFlag).ToList() };
        if (parse.GetValue(_seed) is { } seed) plan = plan with { Seed = seed };
        if (parse.GetValue(_mix) is { Length: > 0 } mixes) plan = plan with { Configurations = mixes.Select(ParseConfiguration).ToList() };
        if (parse.GetValue(_valFraction) is { } fraction) plan = plan with { Validation = plan.Validation with { Fraction = fraction } };
        if (parse.GetValue(_thought) is { } thought)
            plan = plan with { Thought = MixPlanLoader.ParseThought(thought) ?? throw new TrainingDataException($"--thought: '{thought}' is not one of think, drop, prefix") };
        var training = plan.Training;
        if (parse.GetValue(_gpus) is { } gpus) training = training with { Gpus = gpus };
        if (parse.GetValue(_perDevice) is { } perDevice) training = training with { PerDeviceBatch = perDevice };
        if (parse.GetValue(_effectiveBatch) is { } effective) training = training with { EffectiveBatch = effective };
        if (parse.GetValue(_baseModel) is { } model) training = training with { Model = model };
        if (parse.GetValue(_template) is { } template) training = training with { Template = template };
        if (parse.GetValue(_cutoff) is { } cutoff) training = training with { CutoffLength = cutoff };
        plan = plan with { Training = training };
        if (!parse.GetValue(_allowUnknownTemplate) && !LlamaFactoryTemplates.IsKnown(training.Template))
            throw new TrainingDataException(UnknownTemplate(training.Template));
        plan.Validate();
        return plan;
    }

    private static string UnknownTemplate(string template)
    {
        var similar = LlamaFactoryTemplates.Similar(template);
        return $"--template '{template}': not a chat template LLaMA-Factory ships"
            + (similar.Count > 0 ? $" (did you mean {string.Join(", ", similar)}?)" : "")
            + $"; known: {string.Join(", ", LlamaFactoryTemplates.Known)}; --allow-unknown-template accepts it anyway";
    }

    private static MixConfiguration ParseConfiguration(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (equals <= 0 || colon < equals)
            throw new TrainingDataException($"--mix '{text}': expected NAME=PROCESS:GENERAL, e.g. cw_10k=all:10000");
        var name = text[..equals];
        var processText = text[(equals + 1)..colon];
        var generalText = text[(colon + 1)..];
        int? process = processText == "all" ? null
            : int.TryParse(processText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p
            : throw new TrainingDataException($"--mix '{text}': PROCESS must be 'all' or a whole number");
        if (!int.TryParse(generalText, NumberStyles.None, CultureInfo.InvariantCulture, out var general))
            throw new TrainingDataException($"--mix '{text}': GENERAL must be a whole number");
        return new MixConfiguration(name, process, general);
    }
}
