namespace Inkstone.Training;

/// <summary>Where an SFT sample came from: the process (triplet) dataset or the general pool.</summary>
public enum SampleOrigin
{
    Process,
    General,
}
