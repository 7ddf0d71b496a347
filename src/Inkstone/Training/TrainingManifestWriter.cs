using System.Text.Json;

namespace Inkstone.Training;

/// <summary>Writes <c>manifest.json</c>: what was mixed from what, with which settings, and the hashes of the files.</summary>
public static class TrainingManifestWriter
{
    public static void Write(Utf8JsonWriter writer, MixReport report, ExportDataFormat format, IReadOnlyList<ExportedFile> files)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(files);
        var plan = report.Plan;
        var mix = report.Mix;
        writer.WriteStartObject();
        writer.WriteString("format", "inkstone-training-export/1");
        writer.WriteNumber("seed", plan.Seed);
        writer.WriteString("data_format", FormatName(format));
        writer.WriteString("thought", ThoughtName(plan.Thought));
        if (plan.ProcessSystemPrompt is not null) writer.WriteString("process_system_prompt", plan.ProcessSystemPrompt);

        writer.WriteStartObject("process");
        writer.WriteString("file", plan.ProcessPath);
        writer.WriteNumber("usable", mix.ProcessAvailable);
        writer.WriteNumber("left_out", mix.ProcessIssues.Count);
        writer.WriteEndObject();

        writer.WriteStartObject("general");
        writer.WriteStartArray("files");
        foreach (var file in plan.GeneralPaths) writer.WriteStringValue(file);
        writer.WriteEndArray();
        writer.WriteNumber("valid", mix.GeneralPoolSize);
        writer.WriteNumber("rejected_lines", mix.GeneralIssues.Count);
        writer.WriteNumber("drawn", mix.GeneralOrder.Count);
        writer.WriteString("draw", "one seeded permutation of the valid pool (file order, then line order); a configuration drawing k uses positions 0..k-1 (see general_order.tsv)");
        writer.WriteEndObject();

        writer.WriteStartObject("validation");
        writer.WriteNumber("fraction", plan.Validation.Fraction);
        writer.WriteNumber("min_genre_size", plan.Validation.MinGenreSize);
        writer.WriteEndObject();

        writer.WriteStartObject("tokens");
        writer.WriteString("counter", report.TokenCounterName);
        writer.WriteBoolean("estimate", report.TokenCountIsEstimate);
        writer.WriteNumber("tokens_per_message", plan.TokensPerMessage);
        writer.WriteNumber("cutoff_len", report.CutoffLength);
        writer.WriteBoolean("cutoff_derived", report.CutoffDerived);
        writer.WriteNumber("cutoff_percentile", plan.Cutoff.Percentile);
        writer.WriteNumber("cutoff_multiple", plan.Cutoff.Multiple);
        writer.WriteNumber("cutoff_cap", plan.Cutoff.Cap);
        writer.WriteEndObject();

        var training = plan.Training;
        writer.WriteStartObject("training");
        writer.WriteString("model", training.Model);
        writer.WriteString("template", training.Template);
        writer.WriteNumber("gpus", training.Gpus);
        writer.WriteNumber("per_device_batch", training.PerDeviceBatch);
        writer.WriteNumber("gradient_accumulation_steps", training.GradientAccumulationSteps);
        writer.WriteNumber("effective_batch", training.EffectiveBatch);
        writer.WriteNumber("epochs", training.Epochs);
        writer.WriteNumber("learning_rate", training.LearningRate);
        writer.WriteString("scheduler", training.Scheduler);
        writer.WriteNumber("warmup_ratio", training.WarmupRatio);
        writer.WriteString("optimizer", training.Optimizer);
        writer.WriteBoolean("bf16", training.Bf16);
        writer.WriteEndObject();

        writer.WriteStartArray("configurations");
        foreach (var configuration in report.Configurations)
        {
            var m = configuration.Mix;
            writer.WriteStartObject();
            writer.WriteString("name", m.Name);
            writer.WriteNumber("process", m.ProcessCount);
            writer.WriteNumber("general", m.GeneralCount);
            writer.WriteNumber("total", m.Total);
            writer.WriteNumber("train", m.TrainCount);
            writer.WriteNumber("validation", m.ValidationCount);
            writer.WriteNumber("process_validation", m.ProcessValidation.Count);
            writer.WriteNumber("general_validation", m.GeneralValidation.Count);
            writer.WriteString("yaml", m.Name + ".yaml");
            WriteTokens(writer, "train_tokens", configuration.TrainTokens);
            WriteTokens(writer, "validation_tokens", configuration.ValidationTokens);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("files");
        foreach (var file in files)
        {
            writer.WriteStartObject();
            writer.WriteString("path", file.Path);
            writer.WriteNumber("bytes", file.Bytes);
            writer.WriteString("sha256", file.Sha256);
            if (file.Records is { } records) writer.WriteNumber("records", records);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string FormatName(ExportDataFormat format) => format switch
    {
        ExportDataFormat.ShareGpt => "sharegpt",
        ExportDataFormat.Alpaca => "alpaca",
        _ => "openai",
    };

    public static string ThoughtName(ThoughtRendering thought) => thought switch
    {
        ThoughtRendering.ThinkBlock => "think",
        ThoughtRendering.Drop => "drop",
        _ => "prefix",
    };

    private static void WriteTokens(Utf8JsonWriter writer, string name, TokenStatistics statistics)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("samples", statistics.Samples);
        writer.WriteNumber("total", statistics.TotalTokens);
        writer.WriteNumber("mean", Math.Round(statistics.Mean, 2));
        writer.WriteNumber("median", statistics.Median);
        writer.WriteNumber("p90", statistics.P90);
        writer.WriteNumber("p99", statistics.P99);
        writer.WriteNumber("max", statistics.Max);
        writer.WriteNumber("over_cutoff", statistics.OverCutoff);
        writer.WriteEndObject();
    }
}
