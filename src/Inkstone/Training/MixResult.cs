namespace Inkstone.Training;

/// <summary>The outcome of building the mixes of a plan: the configurations, or the reasons a strict build stopped.</summary>
public sealed record MixResult
{
    public required MixPlan Plan { get; init; }

    /// <summary>Triplets left out, with the reason.</summary>
    public required IReadOnlyList<ProcessDataIssue> ProcessIssues { get; init; }

    /// <summary>General-data lines left out, located by file and line.</summary>
    public required IReadOnlyList<GeneralDataIssue> GeneralIssues { get; init; }

    /// <summary>Triplets that passed the checks.</summary>
    public required int ProcessAvailable { get; init; }

    /// <summary>Valid general samples in the pool.</summary>
    public required int GeneralPoolSize { get; init; }

    /// <summary>The first max-k positions of the seeded permutation of the pool; configuration k uses the first k.</summary>
    public required IReadOnlyList<GeneralSample> GeneralOrder { get; init; }

    /// <summary>True when <c>strict</c> was asked and there were issues: nothing was mixed.</summary>
    public bool Stopped { get; init; }

    public required IReadOnlyList<MixConfigurationResult> Configurations { get; init; }

    public bool HasIssues => ProcessIssues.Count > 0 || GeneralIssues.Count > 0;
}
