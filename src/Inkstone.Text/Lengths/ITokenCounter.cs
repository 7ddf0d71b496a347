namespace Inkstone.Text.Lengths;

/// <summary>Counts the model tokens of a text. Implementations are thread-safe.</summary>
public interface ITokenCounter
{
    /// <summary>A short description of the tokenizer (for reports).</summary>
    string Name { get; }

    int CountTokens(string text);
}
