namespace Inkstone.Training;

/// <summary>One configuration rendered and measured: the samples in file order and their token statistics.</summary>
public sealed record ConfigurationReport(
    MixConfigurationResult Mix,
    IReadOnlyList<SftSample> Train,
    IReadOnlyList<SftSample> Validation,
    TokenStatistics TrainTokens,
    TokenStatistics ValidationTokens)
{
    public string Name => Mix.Name;
}
