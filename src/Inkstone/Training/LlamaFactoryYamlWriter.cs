using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Inkstone.Training;

/// <summary>
/// Writes the LLaMA-Factory full-SFT YAML of one configuration. Paths are relative to the export directory, which is
/// where <c>llamafactory-cli train</c> is meant to run. Floats always carry a decimal point and a signed exponent
/// (<c>2.0e-05</c>) because YAML 1.1 loaders such as PyYAML read <c>2e-5</c> as a string.
/// </summary>
public static partial class LlamaFactoryYamlWriter
{
    public const string DeepSpeedConfigFile = "ds_z3_config.json";

    public static string Write(MixReport report, ConfigurationReport configuration, string trainDataset, string? validationDataset)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(configuration);
        var plan = report.Plan;
        var training = plan.Training;
        var mix = configuration.Mix;
        var accumulation = training.GradientAccumulationSteps;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        void Entry(string key, string value) => Line($"{key}: {value}");

        Line(Invariant($"# Inkstone training configuration '{mix.Name}': {mix.ProcessCount:N0} process + {mix.GeneralCount:N0} general samples (train {mix.TrainCount:N0}, validation {mix.ValidationCount:N0})."));
        Line(Invariant($"# Effective batch {training.EffectiveBatch} = {training.PerDeviceBatch} per device x {accumulation} gradient accumulation x {training.Gpus} GPU(s)."));
        Line(Invariant($"# cutoff_len {report.CutoffLength}: {(report.CutoffDerived ? $"p{plan.Cutoff.Percentile.ToString(CultureInfo.InvariantCulture)} of sample lengths rounded up to a multiple of {plan.Cutoff.Multiple}, capped at {plan.Cutoff.Cap}" : "fixed by the plan")}; token counts by {report.TokenCounterName}."));
        Line($"# Run from this directory: llamafactory-cli train {mix.Name}.yaml");
        Line("");
        Line("### model");
        Entry("model_name_or_path", Scalar(training.Model));
        Entry("trust_remote_code", "true");
        Line("");
        Line("### method");
        Entry("stage", "sft");
        Entry("do_train", "true");
        Entry("finetuning_type", "full");
        Entry("deepspeed", DeepSpeedConfigFile);
        Line("");
        Line("### dataset");
        Entry("dataset_dir", ".");
        Entry("dataset", Scalar(trainDataset));
        if (validationDataset is not null) Entry("eval_dataset", Scalar(validationDataset));
        Entry("template", Scalar(training.Template));
        // Reasoning templates add an empty think block to samples without one: in the response (trained) when
        // thinking is enabled, in the prompt (not trained) when it is not.
        Entry("enable_thinking", plan.Thought == ThoughtRendering.ThinkBlock ? "true" : "false");
        Entry("cutoff_len", Int(report.CutoffLength));
        Entry("overwrite_cache", "true");
        Line("");
        Line("### output");
        Entry("output_dir", Scalar(training.OutputRoot.TrimEnd('/') + "/" + mix.Name));
        Entry("logging_steps", "10");
        Entry("save_strategy", "epoch");
        Entry("plot_loss", "true");
        Entry("overwrite_output_dir", "true");
        Entry("report_to", "none");
        Line("");
        Line("### train");
        Entry("per_device_train_batch_size", Int(training.PerDeviceBatch));
        Entry("gradient_accumulation_steps", Int(accumulation));
        Entry("learning_rate", Float(training.LearningRate));
        Entry("num_train_epochs", Float(training.Epochs));
        Entry("lr_scheduler_type", Scalar(training.Scheduler));
        Entry("warmup_ratio", Float(training.WarmupRatio));
        Entry("optim", Scalar(training.Optimizer));
        Entry("bf16", training.Bf16 ? "true" : "false");
        Entry("seed", plan.Seed.ToString(CultureInfo.InvariantCulture));
        Entry("ddp_timeout", "180000000");
        if (validationDataset is not null)
        {
            Line("");
            Line("### eval");
            Entry("per_device_eval_batch_size", Int(training.PerDeviceBatch));
            Entry("eval_strategy", "epoch");
        }

        return text.ToString();
    }

    /// <summary>A YAML float that YAML 1.1 and 1.2 loaders both read as a float: <c>3.0</c>, <c>0.1</c>, <c>2.0e-05</c>.</summary>
    public static string Float(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), "not a finite number");
        var abs = Math.Abs(value);
        if (abs == 0 || (abs >= 1e-4 && abs < 1e15))
        {
            var plain = value.ToString("R", CultureInfo.InvariantCulture);
            return plain.Contains('.', StringComparison.Ordinal) ? plain : plain + ".0";
        }

        var exponent = (int)Math.Floor(Math.Log10(abs));
        var mantissa = value / Math.Pow(10, exponent);
        var mantissaText = Math.Round(mantissa, 12).ToString("R", CultureInfo.InvariantCulture);
        if (!mantissaText.Contains('.', StringComparison.Ordinal)) mantissaText += ".0";
        return string.Create(CultureInfo.InvariantCulture, $"{mantissaText}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}");
    }

    /// <summary>A plain scalar when it cannot be misread (as a number, boolean, null or YAML syntax); otherwise a double-quoted one.</summary>
    public static string Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (SafePlain().IsMatch(value) && !AmbiguousPlain().IsMatch(value)) return value;
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\r': quoted.Append("\\r"); break;
                default:
                    if (char.IsControl(c)) quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    else quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_./\-]*$")]
    private static partial Regex SafePlain();

    // Plain scalars YAML 1.1 would turn into something other than a string: numbers (incl. 0x, 0o, sexagesimal), booleans, null.
    [GeneratedRegex(@"^([-+]?[0-9][0-9_.:eE+\-]*|0x[0-9a-fA-F_]+|0o[0-7_]+|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$")]
    private static partial Regex AmbiguousPlain();
}
