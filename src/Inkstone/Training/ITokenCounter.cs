namespace Inkstone.Training;

/// <summary>
/// A token counter (<see cref="Text.Lengths.ITokenCounter"/>: name and count) that also says whether its counts are
/// an estimate rather than a real tokenizer's, so that training reports can label them.
/// </summary>
public interface ITokenCounter : Text.Lengths.ITokenCounter
{
    /// <summary>True when counts are an estimate rather than a real tokenizer's.</summary>
    bool IsEstimate { get; }
}
