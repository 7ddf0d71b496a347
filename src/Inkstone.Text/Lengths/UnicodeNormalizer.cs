using System.Text;
using Microsoft.ML.Tokenizers;

namespace Inkstone.Text.Lengths;

/// <summary>Applies a Unicode normalization form before BPE (Qwen2 uses NFC).</summary>
internal sealed class UnicodeNormalizer(NormalizationForm form) : Normalizer
{
    public override string Normalize(string original) => original.Normalize(form);

    public override string Normalize(ReadOnlySpan<char> original) => original.ToString().Normalize(form);
}
