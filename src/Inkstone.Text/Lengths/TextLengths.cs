namespace Inkstone.Text.Lengths;

/// <summary>
/// Lengths of one text: Unicode code points (Python <c>len</c>), Script=Han characters, English words
/// (<see cref="Tokenization.EnglishWordTokenizer.CountEnglishWords"/>), and model tokens when a tokenizer is given.
/// </summary>
public sealed record TextLengths(int CodePoints, int HanCharacters, int EnglishWords, int? Tokens);
