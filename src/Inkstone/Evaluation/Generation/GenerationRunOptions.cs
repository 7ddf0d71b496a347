namespace Inkstone.Evaluation.Generation;

/// <summary>Settings of a generation run.</summary>
public sealed record GenerationRunOptions
{
    /// <summary>Answers per query and model (samples 0 … n−1).</summary>
    public int Samples { get; init; } = 1;

    public int MaxConcurrency { get; init; } = 4;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Called after each answer (or failure) with the record written; for progress display.</summary>
    public Action<GenerationRecord>? Progress { get; init; }
}
