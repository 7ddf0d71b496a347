namespace Inkstone.Text.Diversity;

/// <summary>Lexical diversity of one text: the counted tokens and the three measures (null where undefined).</summary>
public sealed record TextDiversity(TextLanguage Language, int Tokens, int Types, double? Ttr, double? Mattr, double? Mtld);
