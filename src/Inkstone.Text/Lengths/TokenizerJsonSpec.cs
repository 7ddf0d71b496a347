using System.Text;
using System.Text.Json;

namespace Inkstone.Text.Lengths;

/// <summary>
/// The parts of a Hugging Face <c>tokenizer.json</c> that a byte-level BPE needs. Only what this reader
/// understands is accepted: anything else (another model type, an unknown normalizer or pre-tokenizer) is an
/// error naming the file and the field, rather than a silently different token count.
/// </summary>
internal sealed record TokenizerJsonSpec(
    Dictionary<string, int> Vocabulary,
    List<string> Merges,
    string SplitPattern,
    NormalizationForm? Normalization,
    Dictionary<string, int> SpecialTokens)
{
    public static async Task<TokenizerJsonSpec> ReadAsync(string path, CancellationToken cancellationToken)
    {
        JsonDocument document;
        await using (var stream = File.OpenRead(path))
        {
            try
            {
                document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
            }
        }
        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: field 'model' is missing");
            var type = model.TryGetProperty("type", out var t) ? t.GetString() : "BPE";
            if (type != "BPE") throw new InvalidDataException($"{path}: field 'model.type' is '{type}'; only BPE is supported");

            if (!model.TryGetProperty("vocab", out var vocabElement) || vocabElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: field 'model.vocab' must be an object of token → id");
            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in vocabElement.EnumerateObject()) vocabulary[entry.Name] = entry.Value.GetInt32();

            var merges = new List<string>();
            if (model.TryGetProperty("merges", out var mergesElement))
            {
                var index = 0;
                foreach (var merge in mergesElement.EnumerateArray())
                {
                    var where = $"{path}: model.merges[{index++}]";
                    // Older files write "a b"; newer ones write ["a", "b"] (which allows spaces inside symbols, not supported here).
                    var text = merge.ValueKind switch
                    {
                        JsonValueKind.String => merge.GetString()!,
                        JsonValueKind.Array when merge.GetArrayLength() == 2 => merge[0].GetString() + " " + merge[1].GetString(),
                        _ => throw new InvalidDataException($"{where}: expected \"a b\" or [\"a\", \"b\"]"),
                    };
                    merges.Add(HuggingFaceBpeTokenCounter.CheckMerge(text, where));
                }
            }

            var specials = new Dictionary<string, int>(StringComparer.Ordinal);
            if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
                foreach (var token in added.EnumerateArray())
                    if (token.TryGetProperty("content", out var content) && token.TryGetProperty("id", out var id))
                        specials[content.GetString()!] = id.GetInt32();

            return new TokenizerJsonSpec(vocabulary, merges, ReadPattern(path, root), ReadNormalization(path, root), specials);
        }
    }

    private static NormalizationForm? ReadNormalization(string path, JsonElement root)
    {
        if (!root.TryGetProperty("normalizer", out var normalizer) || normalizer.ValueKind == JsonValueKind.Null) return null;
        return NormalizationOf(path, normalizer);
    }

    private static NormalizationForm? NormalizationOf(string path, JsonElement normalizer)
    {
        var type = normalizer.GetProperty("type").GetString();
        switch (type)
        {
            case "NFC": return NormalizationForm.FormC;
            case "NFD": return NormalizationForm.FormD;
            case "NFKC": return NormalizationForm.FormKC;
            case "NFKD": return NormalizationForm.FormKD;
            case "Sequence" when normalizer.TryGetProperty("normalizers", out var list) && list.GetArrayLength() <= 1:
                return list.GetArrayLength() == 0 ? null : NormalizationOf(path, list[0]);
            default:
                throw new InvalidDataException($"{path}: field 'normalizer' has type '{type}'; supported: NFC, NFD, NFKC, NFKD (alone or as a one-step Sequence) or none");
        }
    }

    private static string ReadPattern(string path, JsonElement root)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind == JsonValueKind.Null)
            throw new InvalidDataException($"{path}: field 'pre_tokenizer' is missing; a byte-level BPE needs one");
        var steps = pre.GetProperty("type").GetString() == "Sequence"
            ? pre.GetProperty("pretokenizers").EnumerateArray().ToList()
            : [pre];
        string? pattern = null;
        var byteLevel = false;
        foreach (var step in steps)
        {
            var type = step.GetProperty("type").GetString();
            switch (type)
            {
                case "Split" when pattern is null && step.TryGetProperty("pattern", out var p) && p.TryGetProperty("Regex", out var regex):
                    var behavior = step.TryGetProperty("behavior", out var b) ? b.GetString() : "Isolated";
                    if (behavior != "Isolated" || (step.TryGetProperty("invert", out var invert) && invert.GetBoolean()))
                        throw new InvalidDataException($"{path}: pre_tokenizer Split with behavior '{behavior}' or invert=true is not supported (only Isolated, not inverted)");
                    pattern = regex.GetString();
                    break;
                case "ByteLevel":
                    byteLevel = true;
                    if (step.TryGetProperty("add_prefix_space", out var prefix) && prefix.GetBoolean())
                        throw new InvalidDataException($"{path}: pre_tokenizer ByteLevel add_prefix_space=true is not supported");
                    if (pattern is null && (!step.TryGetProperty("use_regex", out var useRegex) || useRegex.GetBoolean()))
                        pattern = HuggingFaceBpeTokenCounter.Gpt2Pattern;
                    break;
                default:
                    throw new InvalidDataException($"{path}: pre_tokenizer step '{type}' is not supported (Split with a Regex, ByteLevel)");
            }
        }
        if (!byteLevel) throw new InvalidDataException($"{path}: pre_tokenizer has no ByteLevel step; only byte-level BPE is supported");
        return pattern ?? throw new InvalidDataException($"{path}: pre_tokenizer gives no split pattern");
    }
}
