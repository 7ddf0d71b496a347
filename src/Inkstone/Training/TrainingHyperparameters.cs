namespace Inkstone.Training;

/// <summary>
/// What goes into each LLaMA-Factory training YAML. The defaults follow §3.1 of the paper (3 epochs, learning rate
/// 2e-5, batch 32, AdamW); the scheduler, warm-up, model and template are not stated in the paper and are our choices.
/// </summary>
public sealed record TrainingHyperparameters
{
    /// <summary>The base checkpoint (Hugging Face id or local path); the paper does not name it.</summary>
    public string Model { get; init; } = "Qwen/Qwen3-8B-Base";

    /// <summary>LLaMA-Factory chat template; <c>qwen3</c> is a reasoning template that understands <c>&lt;think&gt;</c> blocks.</summary>
    public string Template { get; init; } = "qwen3";

    public int Gpus { get; init; } = 8;

    public int PerDeviceBatch { get; init; } = 1;

    /// <summary>Per-device batch × gradient accumulation × GPUs; must divide exactly.</summary>
    public int EffectiveBatch { get; init; } = 32;

    public double Epochs { get; init; } = 3;

    public double LearningRate { get; init; } = 2e-5;

    public string Scheduler { get; init; } = "cosine";

    public double WarmupRatio { get; init; } = 0.1;

    /// <summary>The Hugging Face Trainer optimizer name; <c>adamw_torch</c> is AdamW.</summary>
    public string Optimizer { get; init; } = "adamw_torch";

    public bool Bf16 { get; init; } = true;

    /// <summary>Where the trainer writes checkpoints: <c>{OutputRoot}/{configuration}</c>.</summary>
    public string OutputRoot { get; init; } = "saves";

    /// <summary>Fixed cutoff length in tokens; null derives it from the token statistics (see <see cref="CutoffLengthRule"/>).</summary>
    public int? CutoffLength { get; init; }

    /// <summary>Gradient accumulation steps = effective batch ÷ (per-device batch × GPUs).</summary>
    public int GradientAccumulationSteps
    {
        get
        {
            var perStep = PerDeviceBatch * Gpus;
            if (PerDeviceBatch < 1 || Gpus < 1 || EffectiveBatch < 1 || EffectiveBatch % perStep != 0)
                throw new TrainingDataException(
                    $"effective batch {EffectiveBatch} is not a whole multiple of per-device batch {PerDeviceBatch} × {Gpus} GPU(s) = {perStep}; choose values whose product divides it");
            return EffectiveBatch / perStep;
        }
    }
}
