namespace Inkstone.Training;

/// <summary>Counts the tokens of a text under some tokenizer; <see cref="Name"/> says which, and whether it is an estimate.</summary>
public interface ITokenCounter
{
    string Name { get; }

    /// <summary>True when counts are an estimate rather than a real tokenizer's.</summary>
    bool IsEstimate { get; }

    int CountTokens(string text);
}
