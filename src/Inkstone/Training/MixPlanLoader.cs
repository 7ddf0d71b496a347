using System.Text.Json;

namespace Inkstone.Training;

/// <summary>
/// Reads a mix plan from JSON (see docs/training-data.md). Unknown keys are errors, so that a misspelt setting
/// cannot silently fall back to its default. Relative paths are resolved against the plan file's directory.
/// </summary>
public static class MixPlanLoader
{
    public static async Task<MixPlan> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrainingDataException($"{path}: cannot read plan: {ex.Message}", ex);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(json, path, directory);
    }

    public static MixPlan Parse(string json, string sourceName, string baseDirectory)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new TrainingDataException($"{sourceName}: line {ex.LineNumber + 1}: invalid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var reader = new Reader(sourceName);
            reader.Object(root, "(plan)", "process", "general", "seed", "configurations", "validation", "thought", "process_system_prompt", "tokens_per_message", "cutoff", "training");
            var plan = new MixPlan
            {
                ProcessPath = reader.String(root, "process") ?? "",
                BaseDirectory = baseDirectory,
            };
            if (root.TryGetProperty("general", out var general))
                plan = plan with { GeneralPaths = reader.StringList(general, "general") };
            if (reader.Long(root, "seed") is { } seed) plan = plan with { Seed = seed };
            if (root.TryGetProperty("configurations", out var configurations))
                plan = plan with { Configurations = ReadConfigurations(reader, configurations) };
            if (root.TryGetProperty("validation", out var validation))
            {
                reader.Object(validation, "validation", "fraction", "min_genre_size");
                plan = plan with
                {
                    Validation = new ValidationSplitOptions
                    {
                        Fraction = reader.Decimal(validation, "fraction", "validation.fraction") ?? plan.Validation.Fraction,
                        MinGenreSize = reader.Int(validation, "min_genre_size", "validation.min_genre_size") ?? plan.Validation.MinGenreSize,
                    },
                };
            }

            if (reader.String(root, "thought") is { } thought)
                plan = plan with { Thought = ParseThought(thought) ?? throw reader.Error("thought", $"'{thought}' is not one of think, drop, prefix") };
            plan = plan with { ProcessSystemPrompt = reader.String(root, "process_system_prompt") };
            if (reader.Int(root, "tokens_per_message", "tokens_per_message") is { } perMessage) plan = plan with { TokensPerMessage = perMessage };
            if (root.TryGetProperty("cutoff", out var cutoff))
            {
                reader.Object(cutoff, "cutoff", "percentile", "multiple", "cap");
                plan = plan with
                {
                    Cutoff = new CutoffLengthRule
                    {
                        Percentile = reader.Double(cutoff, "percentile", "cutoff.percentile") ?? plan.Cutoff.Percentile,
                        Multiple = reader.Int(cutoff, "multiple", "cutoff.multiple") ?? plan.Cutoff.Multiple,
                        Cap = reader.Int(cutoff, "cap", "cutoff.cap") ?? plan.Cutoff.Cap,
                    },
                };
            }

            if (root.TryGetProperty("training", out var training))
                plan = plan with { Training = ReadTraining(reader, training, plan.Training) };
            try
            {
                plan.Validate();
            }
            catch (TrainingDataException ex)
            {
                throw new TrainingDataException($"{sourceName}: {ex.Message}", ex);
            }

            return plan;
        }
    }

    /// <summary>Parses <c>think</c>, <c>drop</c> or <c>prefix</c>.</summary>
    public static ThoughtRendering? ParseThought(string value) => value switch
    {
        "think" or "think_block" => ThoughtRendering.ThinkBlock,
        "drop" => ThoughtRendering.Drop,
        "prefix" or "plain_prefix" => ThoughtRendering.PlainPrefix,
        _ => null,
    };

    private static List<MixConfiguration> ReadConfigurations(Reader reader, JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array) throw reader.Error("configurations", "expected an array");
        var list = new List<MixConfiguration>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"configurations[{index}]";
            reader.Object(item, path, "name", "process", "general");
            var name = reader.String(item, "name", path + ".name") ?? throw reader.Error(path + ".name", "missing");
            int? process = null;
            if (item.TryGetProperty("process", out var processElement))
            {
                if (processElement.ValueKind == JsonValueKind.String && processElement.GetString() == "all") process = null;
                else if (processElement.ValueKind == JsonValueKind.Number && processElement.TryGetInt32(out var count)) process = count;
                else throw reader.Error(path + ".process", "expected \"all\" or a whole number");
            }

            var generalCount = reader.Int(item, "general", path + ".general") ?? 0;
            list.Add(new MixConfiguration(name, process, generalCount));
            index++;
        }

        return list;
    }

    private static TrainingHyperparameters ReadTraining(Reader reader, JsonElement training, TrainingHyperparameters defaults)
    {
        reader.Object(training, "training", "model", "template", "gpus", "per_device_batch", "effective_batch", "epochs", "learning_rate",
            "scheduler", "warmup_ratio", "optimizer", "bf16", "output_root", "cutoff_len");
        return defaults with
        {
            Model = reader.String(training, "model", "training.model") ?? defaults.Model,
            Template = reader.String(training, "template", "training.template") ?? defaults.Template,
            Gpus = reader.Int(training, "gpus", "training.gpus") ?? defaults.Gpus,
            PerDeviceBatch = reader.Int(training, "per_device_batch", "training.per_device_batch") ?? defaults.PerDeviceBatch,
            EffectiveBatch = reader.Int(training, "effective_batch", "training.effective_batch") ?? defaults.EffectiveBatch,
            Epochs = reader.Double(training, "epochs", "training.epochs") ?? defaults.Epochs,
            LearningRate = reader.Double(training, "learning_rate", "training.learning_rate") ?? defaults.LearningRate,
            Scheduler = reader.String(training, "scheduler", "training.scheduler") ?? defaults.Scheduler,
            WarmupRatio = reader.Double(training, "warmup_ratio", "training.warmup_ratio") ?? defaults.WarmupRatio,
            Optimizer = reader.String(training, "optimizer", "training.optimizer") ?? defaults.Optimizer,
            Bf16 = reader.Bool(training, "bf16", "training.bf16") ?? defaults.Bf16,
            OutputRoot = reader.String(training, "output_root", "training.output_root") ?? defaults.OutputRoot,
            CutoffLength = reader.Int(training, "cutoff_len", "training.cutoff_len") ?? defaults.CutoffLength,
        };
    }

    /// <summary>Typed field access that names the plan file and the field in every error.</summary>
    private sealed class Reader(string sourceName)
    {
        public TrainingDataException Error(string field, string message) => new($"{sourceName}: {field}: {message}");

        public void Object(JsonElement element, string path, params string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object) throw Error(path, "expected an object");
            foreach (var property in element.EnumerateObject())
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                    throw Error(path == "(plan)" ? property.Name : $"{path}.{property.Name}", $"unknown setting (known: {string.Join(", ", allowed)})");
        }

        public string? String(JsonElement parent, string name, string? path = null)
        {
            if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return null;
            return e.ValueKind == JsonValueKind.String ? e.GetString() : throw Error(path ?? name, "expected a string");
        }

        public List<string> StringList(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.String) return [element.GetString()!];
            if (element.ValueKind != JsonValueKind.Array) throw Error(path, "expected a string or an array of strings");
            return element.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error($"{path}[{i}]", "expected a string")).ToList();
        }

        public int? Int(JsonElement parent, string name, string path) =>
            Number<int>(parent, name, path, e => e.TryGetInt32(out var v) ? v : null, "a whole number");

        public long? Long(JsonElement parent, string name) =>
            Number<long>(parent, name, name, e => e.TryGetInt64(out var v) ? v : null, "a whole number");

        public double? Double(JsonElement parent, string name, string path) =>
            Number<double>(parent, name, path, e => e.TryGetDouble(out var v) ? v : null, "a number");

        public decimal? Decimal(JsonElement parent, string name, string path) =>
            Number<decimal>(parent, name, path, e => e.TryGetDecimal(out var v) ? v : null, "a number");

        public bool? Bool(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return null;
            return e.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(path, "expected true or false"),
            };
        }

        private T? Number<T>(JsonElement parent, string name, string path, Func<JsonElement, T?> read, string what)
            where T : struct
        {
            if (!parent.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return null;
            if (e.ValueKind != JsonValueKind.Number) throw Error(path, $"expected {what}");
            return read(e) ?? throw Error(path, $"expected {what}");
        }
    }
}
