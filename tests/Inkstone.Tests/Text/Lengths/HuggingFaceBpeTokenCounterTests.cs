using System.Text.Json;
using Inkstone.Text.Lengths;

namespace Inkstone.Tests.Text.Lengths;

/// <summary>
/// A tiny byte-level BPE written by hand. Byte-level symbols: space → Ġ; the UTF-8 bytes of 中 (E4 B8 AD) → ä ¸ Ń
/// (0xAD is not printable, so it maps to U+0100 + 67: it is the 68th such byte after 0x00–0x20 and 0x7F–0xA0);
/// é (C3 A9) → Ã ©.
/// </summary>
public sealed class HuggingFaceBpeTokenCounterTests : IDisposable
{
    private static readonly string[] Merges = ["h e", "l l", "ll o", "he llo", "Ġ w", "o r", "Ġw or", "l d", "Ġwor ld", "ä ¸", "ä¸ Ń", "Ã ©"];

    private static readonly Dictionary<string, int> Vocabulary = new()
    {
        ["h"] = 0, ["e"] = 1, ["l"] = 2, ["o"] = 3, ["Ġ"] = 4, ["w"] = 5, ["r"] = 6, ["d"] = 7,
        ["he"] = 8, ["ll"] = 9, ["llo"] = 10, ["hello"] = 11, ["Ġw"] = 12, ["or"] = 13, ["Ġwor"] = 14, ["ld"] = 15, ["Ġworld"] = 16,
        ["ä"] = 17, ["¸"] = 18, ["Ń"] = 19, ["ä¸"] = 20, ["ä¸Ń"] = 21, ["Ã"] = 22, ["©"] = 23, ["Ã©"] = 24,
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("inkstone-bpe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<HuggingFaceBpeTokenCounter> VocabAndMergesAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "vocab.json"), JsonSerializer.Serialize(Vocabulary), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(_dir, "merges.txt"), ["#version: 0.2", .. Merges], TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_dir, "tokenizer_config.json"),
            """{"added_tokens_decoder": {"100": {"content": "<|endoftext|>", "special": true}}}""", TestContext.Current.CancellationToken);
        return await HuggingFaceBpeTokenCounter.LoadAsync(_dir, TestContext.Current.CancellationToken);
    }

    private async Task<HuggingFaceBpeTokenCounter> TokenizerJsonAsync(bool arrayMerges)
    {
        var json = new
        {
            added_tokens = new[] { new { id = 100, content = "<|endoftext|>", special = true } },
            normalizer = new { type = "NFC" },
            pre_tokenizer = new
            {
                type = "Sequence",
                pretokenizers = new object[]
                {
                    new { type = "Split", pattern = new { Regex = HuggingFaceBpeTokenCounter.Qwen2Pattern }, behavior = "Isolated", invert = false },
                    new { type = "ByteLevel", add_prefix_space = false, trim_offsets = false, use_regex = false },
                },
            },
            model = new
            {
                type = "BPE",
                vocab = Vocabulary,
                merges = arrayMerges ? Merges.Select(m => (object)m.Split(' ')).ToArray() : Merges.Cast<object>().ToArray(),
            },
        };
        var path = Path.Combine(_dir, "tokenizer.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(json), TestContext.Current.CancellationToken);
        return await HuggingFaceBpeTokenCounter.LoadAsync(path, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task VocabAndMerges_HelloWorld_MergesByRank()
    {
        var counter = await VocabAndMergesAsync();
        // "hello" → h e l l o → he l l o → he ll o → he llo → hello; " world" → Ġ w o r l d → … → Ġworld
        Assert.Equal([11, 16], counter.EncodeToIds("hello world"));
        Assert.Equal(2, counter.CountTokens("hello world"));
    }

    [Fact]
    public async Task VocabAndMerges_PartialMerges_LeavesPieces()
    {
        var counter = await VocabAndMergesAsync();
        // "hold" → h o l d; only "l d" applies
        Assert.Equal([0, 3, 15], counter.EncodeToIds("hold"));
    }

    [Fact]
    public async Task VocabAndMerges_ChineseCharacter_IsByteLevel()
    {
        var counter = await VocabAndMergesAsync();
        Assert.Equal([21], counter.EncodeToIds("中"));
    }

    [Fact]
    public async Task VocabAndMerges_SpecialTokenFromConfig_IsOneToken()
    {
        var counter = await VocabAndMergesAsync();
        Assert.Equal([11, 100], counter.EncodeToIds("hello<|endoftext|>"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TokenizerJson_SameModel_GivesSameIds(bool arrayMerges)
    {
        var counter = await TokenizerJsonAsync(arrayMerges);
        Assert.Equal([11, 16], counter.EncodeToIds("hello world"));
        Assert.Equal([21, 100], counter.EncodeToIds("中<|endoftext|>"));
    }

    [Fact]
    public async Task TokenizerJson_NfcNormalizer_ComposesBeforeEncoding()
    {
        var counter = await TokenizerJsonAsync(arrayMerges: false);
        // e + combining acute → é (C3 A9) → Ã©
        Assert.Equal([24], counter.EncodeToIds("e\u0301"));
    }

    [Fact]
    public async Task TokenizerJson_UnsupportedModel_NamesFileAndField()
    {
        var path = Path.Combine(_dir, "tokenizer.json");
        await File.WriteAllTextAsync(path, """{"model": {"type": "Unigram", "vocab": []}}""", TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => HuggingFaceBpeTokenCounter.LoadAsync(path, TestContext.Current.CancellationToken));
        Assert.Contains("model.type", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenizerJson_UnsupportedNormalizer_NamesField()
    {
        var path = Path.Combine(_dir, "tokenizer.json");
        await File.WriteAllTextAsync(path, """{"normalizer": {"type": "Lowercase"}, "pre_tokenizer": {"type": "ByteLevel"}, "model": {"type": "BPE", "vocab": {}, "merges": []}}""",
            TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => HuggingFaceBpeTokenCounter.LoadAsync(path, TestContext.Current.CancellationToken));
        Assert.Contains("'normalizer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_BadMergeLine_NamesLine()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "vocab.json"), JsonSerializer.Serialize(Vocabulary), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(_dir, "merges.txt"), ["#version: 0.2", "h e", "oops"], TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => HuggingFaceBpeTokenCounter.LoadAsync(_dir, TestContext.Current.CancellationToken));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_EmptyFolder_Throws() =>
        await Assert.ThrowsAsync<FileNotFoundException>(() => HuggingFaceBpeTokenCounter.LoadAsync(_dir, TestContext.Current.CancellationToken));
}
