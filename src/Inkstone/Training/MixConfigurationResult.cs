using Inkstone.Model;

namespace Inkstone.Training;

/// <summary>The samples one configuration trains and validates on, before rendering.</summary>
public sealed record MixConfigurationResult(
    MixConfiguration Configuration,
    IReadOnlyList<Triplet> ProcessTrain,
    IReadOnlyList<Triplet> ProcessValidation,
    IReadOnlyList<GeneralSample> GeneralTrain,
    IReadOnlyList<GeneralSample> GeneralValidation)
{
    public string Name => Configuration.Name;

    public int ProcessCount => ProcessTrain.Count + ProcessValidation.Count;

    public int GeneralCount => GeneralTrain.Count + GeneralValidation.Count;

    public int Total => ProcessCount + GeneralCount;

    public int TrainCount => ProcessTrain.Count + GeneralTrain.Count;

    public int ValidationCount => ProcessValidation.Count + GeneralValidation.Count;
}
