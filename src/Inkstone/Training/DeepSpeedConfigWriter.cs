using System.Text.Json;

namespace Inkstone.Training;

/// <summary>
/// The DeepSpeed ZeRO stage-3 configuration referenced by every training YAML. Batch sizes, accumulation, clipping
/// and precision are "auto": the Hugging Face Trainer fills them from the YAML, so the two files cannot disagree.
/// </summary>
public static class DeepSpeedConfigWriter
{
    public static void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("train_batch_size", "auto");
        writer.WriteString("train_micro_batch_size_per_gpu", "auto");
        writer.WriteString("gradient_accumulation_steps", "auto");
        writer.WriteString("gradient_clipping", "auto");
        // LLaMA-Factory may hand DeepSpeed an optimizer it has not tested with ZeRO; allow it rather than fail.
        writer.WriteBoolean("zero_allow_untested_optimizer", true);
        writer.WriteStartObject("bf16");
        writer.WriteString("enabled", "auto");
        writer.WriteEndObject();
        writer.WriteStartObject("fp16");
        writer.WriteString("enabled", "auto");
        writer.WriteNumber("loss_scale", 0);
        writer.WriteNumber("loss_scale_window", 1000);
        writer.WriteNumber("initial_scale_power", 16);
        writer.WriteNumber("hysteresis", 2);
        writer.WriteNumber("min_loss_scale", 1);
        writer.WriteEndObject();
        writer.WriteStartObject("zero_optimization");
        writer.WriteNumber("stage", 3);
        writer.WriteBoolean("overlap_comm", false);
        writer.WriteBoolean("contiguous_gradients", true);
        writer.WriteNumber("sub_group_size", 1_000_000_000);
        writer.WriteString("reduce_bucket_size", "auto");
        writer.WriteString("stage3_prefetch_bucket_size", "auto");
        writer.WriteString("stage3_param_persistence_threshold", "auto");
        writer.WriteNumber("stage3_max_live_parameters", 1_000_000_000);
        writer.WriteNumber("stage3_max_reuse_distance", 1_000_000_000);
        writer.WriteBoolean("stage3_gather_16bit_weights_on_model_save", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
