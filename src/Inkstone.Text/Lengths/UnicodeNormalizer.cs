using System.Text;
using Inkstone.Text.Tokenization;
using Microsoft.ML.Tokenizers;

namespace Inkstone.Text.Lengths;

/// <summary>Applies a Unicode normalization form before BPE (Qwen2 uses NFC); unpaired surrogates become U+FFFD first.</summary>
internal sealed class UnicodeNormalizer(NormalizationForm form) : Normalizer
{
    public override string Normalize(string original) => LoneSurrogates.Replace(original).Normalize(form);

    public override string Normalize(ReadOnlySpan<char> original) => Normalize(original.ToString());
}
