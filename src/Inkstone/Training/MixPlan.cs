namespace Inkstone.Training;

/// <summary>
/// Everything that determines a set of training mixes: inputs, configurations, seed, split, rendering and the
/// trainer settings. Paths are kept as written and resolved against <see cref="BaseDirectory"/>, so that the exports
/// name them the same way on every machine.
/// </summary>
public sealed record MixPlan
{
    /// <summary>The process (triplet) dataset, e.g. COIG-Writer JSONL.</summary>
    public required string ProcessPath { get; init; }

    /// <summary>General-data JSONL files; their valid lines, in file order then line order, form the pool.</summary>
    public IReadOnlyList<string> GeneralPaths { get; init; } = [];

    public long Seed { get; init; } = 42;

    public IReadOnlyList<MixConfiguration> Configurations { get; init; } = MixConfiguration.PaperDefaults;

    public ValidationSplitOptions Validation { get; init; } = new();

    public ThoughtRendering Thought { get; init; } = ThoughtRendering.ThinkBlock;

    /// <summary>A system prompt for process samples; none by default. General samples keep their own.</summary>
    public string? ProcessSystemPrompt { get; init; }

    public TrainingHyperparameters Training { get; init; } = new();

    public CutoffLengthRule Cutoff { get; init; } = new();

    /// <summary>Template tokens per message (ChatML: &lt;|im_start|&gt;, role, newline, &lt;|im_end|&gt;, newline = 5) added to content tokens.</summary>
    public int TokensPerMessage { get; init; } = 5;

    /// <summary>Directory that relative paths are resolved against (the plan file's directory, or the working directory).</summary>
    public string BaseDirectory { get; init; } = ".";

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>
    /// The plan with each general-data file once: the same file named twice (or under two names) would double its
    /// samples in the pool and repeat them in the exports. <paramref name="notes"/> says which names were dropped.
    /// </summary>
    public MixPlan WithDistinctGeneralFiles(out IReadOnlyList<string> notes)
    {
        var resolved = GeneralPaths.Select(Resolve).ToList();
        var distinct = Inkstone.Input.InputFiles.Distinct(resolved);
        if (distinct.Paths.Count == GeneralPaths.Count)
        {
            notes = [];
            return this;
        }
        var kept = new List<string>();
        var dropped = new List<string>();
        var seen = new HashSet<string>(distinct.Paths, StringComparer.Ordinal);
        for (var i = 0; i < GeneralPaths.Count; i++)
        {
            if (seen.Remove(resolved[i])) kept.Add(GeneralPaths[i]);
            else dropped.Add($"general data {GeneralPaths[i]}: the same file was already given; read once");
        }
        notes = dropped;
        return this with { GeneralPaths = kept };
    }

    /// <summary>Checks the plan for contradictions before any data is read.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ProcessPath) && Configurations.Any(c => c.ProcessCount != 0))
            throw new TrainingDataException("plan: 'process' (the process dataset file) is required");
        if (Configurations.Count == 0)
            throw new TrainingDataException("plan: 'configurations' is empty");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Configurations)
        {
            if (string.IsNullOrWhiteSpace(c.Name) || !c.Name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.'))
                throw new TrainingDataException($"plan: configuration name '{c.Name}' must be ASCII letters, digits, '_', '-' or '.' (it names files)");
            if (!names.Add(c.Name))
                throw new TrainingDataException($"plan: configuration name '{c.Name}' appears twice");
            if (c.ProcessCount < 0 || c.GeneralCount < 0)
                throw new TrainingDataException($"plan: configuration '{c.Name}': sizes must not be negative");
            if (c.ProcessCount == 0 && c.GeneralCount == 0)
                throw new TrainingDataException($"plan: configuration '{c.Name}' has no samples");
        }

        if (Configurations.Any(c => c.GeneralCount > 0) && GeneralPaths.Count == 0)
            throw new TrainingDataException("plan: some configurations draw general samples but no 'general' files are given");
        if (Validation.Fraction is < 0m or >= 1m)
            throw new TrainingDataException($"plan: validation.fraction {Validation.Fraction} must be in [0, 1)");
        if (Validation.MinGenreSize < 2)
            throw new TrainingDataException("plan: validation.min_genre_size must be at least 2");
        if (Cutoff.Multiple < 1 || Cutoff.Cap < Cutoff.Multiple || Cutoff.Percentile is <= 0 or > 100)
            throw new TrainingDataException("plan: cutoff needs multiple ≥ 1, cap ≥ multiple and 0 < percentile ≤ 100");
        if (Training.CutoffLength is < 1)
            throw new TrainingDataException("plan: training.cutoff_len must be positive");
        if (Training.Epochs <= 0 || Training.LearningRate <= 0)
            throw new TrainingDataException("plan: training.epochs and training.learning_rate must be positive");
        _ = Training.GradientAccumulationSteps;
    }
}
