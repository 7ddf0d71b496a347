namespace Inkstone.Training;

/// <summary>A built plan: the mixes, their rendered samples, token statistics and the cutoff length shared by all runs.</summary>
public sealed record MixReport
{
    public required MixResult Mix { get; init; }

    public required string TokenCounterName { get; init; }

    public required bool TokenCountIsEstimate { get; init; }

    /// <summary><c>cutoff_len</c> written to every training YAML.</summary>
    public required int CutoffLength { get; init; }

    /// <summary>False when the plan fixed <c>training.cutoff_len</c>; true when <see cref="CutoffLengthRule"/> derived it.</summary>
    public required bool CutoffDerived { get; init; }

    public required IReadOnlyList<ConfigurationReport> Configurations { get; init; }

    public MixPlan Plan => Mix.Plan;
}
