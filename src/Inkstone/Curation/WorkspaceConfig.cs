using System.Text.Json;
using System.Text.Json.Serialization;
using Inkstone.Configuration;
using Inkstone.Curation.Assessment;

namespace Inkstone.Curation;

/// <summary>
/// The workspace's <c>inkstone.json</c> (docs/operations.md): where the database is and how the stages behave.
/// Every unknown key is an error naming its path; the <c>llm</c> section is carried as raw JSON and checked by the model layer.
/// </summary>
public sealed record WorkspaceConfig
{
    public const string FileName = "inkstone.json";

    public StoreConfig Store { get; init; } = new();
    public IngestConfig Ingest { get; init; } = new();
    public RuleAssessmentOptions Assessment { get; init; } = new();
    public ScreeningConfig Screening { get; init; } = new();
    public AnalysisConfig Analysis { get; init; } = new();
    public DraftConfig Drafts { get; init; } = new();
    public GateConfig Gate { get; init; } = new();
    public ReviewConfig Review { get; init; } = new();

    /// <summary>
    /// The <c>llm</c> section (docs/configuration.md), read by the model layer; null means no model in the file (model
    /// stages are skipped unless INKSTONE_LLM_* variables or flags define one).
    /// </summary>
    public JsonElement? Llm { get; init; }

    public sealed record StoreConfig
    {
        /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
        public string Provider { get; init; } = "sqlite";

        /// <summary>SQLite file, relative to the workspace folder.</summary>
        public string Path { get; init; } = "workspace.db";

        /// <summary>Npgsql connection string (PostgreSQL).</summary>
        public string? ConnectionString { get; init; }

        /// <summary>Environment variable holding the connection string, so that passwords stay out of the file.</summary>
        public string? ConnectionStringEnv { get; init; }
    }

    public sealed record IngestConfig
    {
        public DateOnly PublishedOnOrAfter { get; init; } = new(2022, 10, 1);
        public int MaxCharacters { get; init; } = 200_000;
        public bool ToSimplified { get; init; }
        public double NearDuplicateThreshold { get; init; } = 0.8;
    }

    public sealed record ScreeningConfig
    {
        /// <summary><c>model</c>: LLM screening; <c>none</c>: items pass unscreened (recorded as such).</summary>
        public string Mode { get; init; } = "model";
        public int MinQuality { get; init; } = 6;
        public int MinCreativity { get; init; } = 6;
    }

    public sealed record AnalysisConfig
    {
        /// <summary><c>model</c>: usability pre-analysis and article analysis; <c>none</c>: items become ready without them.</summary>
        public string Mode { get; init; } = "model";
    }

    public sealed record DraftConfig
    {
        /// <summary>Let the model draft query and thought for ready items (drafts wait for a person).</summary>
        public bool Enabled { get; init; }
    }

    public sealed record GateConfig
    {
        public int MinimumTotal { get; init; } = 50;
        public int MinimumEach { get; init; } = 8;

        /// <summary><c>human</c>: scores are imported from files; <c>model</c>: the model scores annotated items.</summary>
        public string Scorer { get; init; } = "human";
    }

    public sealed record ReviewConfig
    {
        public int Reviewers { get; init; } = 2;
        public int SpecialistReviewers { get; init; } = 4;
        public int MinimumPerGenre { get; init; } = 15;

        /// <summary>
        /// When true, a round whose decisions are not all the same is not resolved by the rule: the item stays in review
        /// until a person who neither annotated nor reviewed it adjudicates (docs/curation.md, step 7).
        /// </summary>
        public bool AdjudicateDisagreements { get; init; }
    }

    public static JsonSerializerOptions JsonOptions { get; } = new(CurationJson.Options)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks the file; every unknown key (with a "did you mean") and out-of-range value is named in one error.</summary>
    public static WorkspaceConfig Load(string path)
    {
        WorkspaceConfig config;
        var problems = new List<string>();
        try
        {
            var text = File.ReadAllText(path);
            using (var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
                problems.AddRange(UnknownKeyFinder.Find<WorkspaceConfig>(document.RootElement, JsonOptions));
            config = JsonSerializer.Deserialize<WorkspaceConfig>(text, JsonOptions) ?? new WorkspaceConfig();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: line {ex.LineNumber + 1}: {ex.Message}", ex);
        }

        problems.AddRange(config.Problems());
        if (problems.Count > 0) throw new InvalidDataException($"{path}: {string.Join("; ", problems)}");
        return config;
    }

    /// <summary>The settings outside their allowed range or set, as "section.key: why" (docs/operations.md lists the ranges).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void OneOf(string key, string value, params string[] allowed)
        {
            if (!allowed.Contains(value, StringComparer.Ordinal)) problems.Add($"{key}: '{value}' is not one of {string.Join(", ", allowed)}");
        }

        void Range(string key, double value, double min, double max, bool minExclusive = false)
        {
            if (double.IsNaN(value) || value > max || (minExclusive ? value <= min : value < min))
                problems.Add($"{key}: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside {(minExclusive ? "(" : "[")}{min.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
        }

        OneOf("store.provider", Store.Provider, "sqlite", "postgres");
        Range("ingest.max_characters", Ingest.MaxCharacters, 1, int.MaxValue);
        Range("ingest.near_duplicate_threshold", Ingest.NearDuplicateThreshold, 0, 1, minExclusive: true);
        Range("assessment.min_characters", Assessment.MinCharacters, 0, int.MaxValue);
        Range("assessment.max_garbled_share", Assessment.MaxGarbledShare, 0, 1);
        Range("assessment.max_repeated_share", Assessment.MaxRepeatedShare, 0, 1);
        Range("assessment.model_min_each", Assessment.ModelMinEach, 1, 10);
        Range("assessment.model_min_mean", Assessment.ModelMinMean, 1, 10);
        OneOf("screening.mode", Screening.Mode, "model", "none");
        Range("screening.min_quality", Screening.MinQuality, 1, 10);
        Range("screening.min_creativity", Screening.MinCreativity, 1, 10);
        OneOf("analysis.mode", Analysis.Mode, "model", "none");
        Range("gate.minimum_total", Gate.MinimumTotal, 6, 60);
        Range("gate.minimum_each", Gate.MinimumEach, 1, 10);
        OneOf("gate.scorer", Gate.Scorer, "human", "model");
        Range("review.reviewers", Review.Reviewers, 1, 100);
        Range("review.specialist_reviewers", Review.SpecialistReviewers, Review.Reviewers, 100);
        Range("review.minimum_per_genre", Review.MinimumPerGenre, 0, int.MaxValue);
        return problems;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
}
