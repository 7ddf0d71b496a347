using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inkstone.Text.Lengths;

namespace Inkstone.IntegrationTests.Text;

/// <summary>
/// Writes a small Qwen2-style byte-level BPE tokenizer.json for tests: GPT-2's byte-to-symbol table, merges learned
/// greedily (most frequent adjacent pair, ties broken by ordinal order) from the given texts after NFC and the
/// Qwen2 split pattern, and the given special tokens after the vocabulary.
/// </summary>
public static class TinyByteLevelBpe
{
    /// <summary>GPT-2's bytes_to_unicode: printable Latin-1 bytes map to themselves, the rest to U+0100 onwards.</summary>
    public static string[] ByteSymbols()
    {
        var printable = Enumerable.Range('!', '~' - '!' + 1).Concat(Enumerable.Range('¡', '¬' - '¡' + 1)).Concat(Enumerable.Range('®', 'ÿ' - '®' + 1)).ToHashSet();
        var symbols = new string[256];
        var next = 256;
        for (var b = 0; b < 256; b++) symbols[b] = ((char)(printable.Contains(b) ? b : next++)).ToString();
        return symbols;
    }

    public static string TokenizerJson(IEnumerable<string> corpus, int merges, IReadOnlyList<string> specials)
    {
        var symbols = ByteSymbols();
        var regex = new Regex(HuggingFaceBpeTokenCounter.Qwen2Pattern);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in corpus)
            foreach (Match m in regex.Matches(text.Normalize(NormalizationForm.FormC)))
            {
                var word = string.Concat(Encoding.UTF8.GetBytes(m.Value).Select(b => symbols[b]));
                words[word] = words.GetValueOrDefault(word) + 1;
            }
        var split = words.ToDictionary(w => w.Key, w => SplitSymbols(w.Key));

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in symbols) vocab[s] = vocab.Count;
        var mergeList = new List<string[]>();
        for (var m = 0; m < merges; m++)
        {
            var counts = new Dictionary<(string, string), int>();
            foreach (var (word, parts) in split)
                for (var i = 0; i + 1 < parts.Count; i++)
                    counts[(parts[i], parts[i + 1])] = counts.GetValueOrDefault((parts[i], parts[i + 1])) + words[word];
            if (counts.Count == 0) break;
            var best = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2, StringComparer.Ordinal).First().Key;
            var merged = best.Item1 + best.Item2;
            if (!vocab.ContainsKey(merged)) vocab[merged] = vocab.Count;
            mergeList.Add([best.Item1, best.Item2]);
            foreach (var parts in split.Values)
                for (var i = 0; i + 1 < parts.Count; i++)
                    if (parts[i] == best.Item1 && parts[i + 1] == best.Item2)
                    {
                        parts[i] = merged;
                        parts.RemoveAt(i + 1);
                    }
        }

        var added = specials.Select((s, i) => new { id = vocab.Count + i, content = s, single_word = false, lstrip = false, rstrip = false, normalized = false, special = true }).ToArray();
        var json = new Dictionary<string, object?>
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = added,
            ["normalizer"] = new { type = "NFC" },
            ["pre_tokenizer"] = new
            {
                type = "Sequence",
                pretokenizers = new object[]
                {
                    new { type = "Split", pattern = new { Regex = HuggingFaceBpeTokenCounter.Qwen2Pattern }, behavior = "Isolated", invert = false },
                    new { type = "ByteLevel", add_prefix_space = false, trim_offsets = false, use_regex = false },
                },
            },
            ["post_processor"] = null,
            ["decoder"] = new { type = "ByteLevel", add_prefix_space = false, trim_offsets = false, use_regex = false },
            ["model"] = new Dictionary<string, object?>
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = "", ["end_of_word_suffix"] = "",
                ["fuse_unk"] = false, ["byte_fallback"] = false, ["ignore_merges"] = false, ["vocab"] = vocab, ["merges"] = mergeList,
            },
        };
        return JsonSerializer.Serialize(json);
    }

    private static List<string> SplitSymbols(string word) =>
        word.EnumerateRunes().Select(r => r.ToString()).ToList();
}
