using System.Text;

namespace Inkstone.IntegrationTests.Llm;

/// <summary>
/// Writes a tiny llama-architecture GGUF (random F32 weights, one layer, embedding 64, GPT-2 byte-level vocabulary of
/// 256 byte tokens plus ChatML specials) so the embedded backend can be tested without downloading weights.
/// Integer metadata is u32, tensor dims are in ggml order (fastest first), the data section is 32-byte aligned.
/// </summary>
internal static class TinyGgufWriter
{
    private const int Embedding = 64, Heads = 4, FeedForward = 128, Alignment = 32;

    public static void Write(string path, int seed)
    {
        var tokens = ByteTokens().Concat(["<|endoftext|>", "<|im_start|>", "<|im_end|>"]).ToList();
        var vocab = tokens.Count;
        var types = tokens.Select((_, i) => i < 256 ? 1 : 3).ToList();
        var tensors = new List<(string Name, long[] Dims)>
        {
            ("token_embd.weight", [Embedding, vocab]),
            ("output_norm.weight", [Embedding]),
            ("output.weight", [Embedding, vocab]),
            ("blk.0.attn_norm.weight", [Embedding]),
            ("blk.0.attn_q.weight", [Embedding, Embedding]),
            ("blk.0.attn_k.weight", [Embedding, Embedding]),
            ("blk.0.attn_v.weight", [Embedding, Embedding]),
            ("blk.0.attn_output.weight", [Embedding, Embedding]),
            ("blk.0.ffn_norm.weight", [Embedding]),
            ("blk.0.ffn_gate.weight", [Embedding, FeedForward]),
            ("blk.0.ffn_down.weight", [FeedForward, Embedding]),
            ("blk.0.ffn_up.weight", [Embedding, FeedForward]),
        };
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write(0x46554747u); w.Write(3u);
        w.Write((ulong)tensors.Count);
        var kvs = new List<Action>
        {
            () => Str(w, "general.architecture", "llama"),
            () => Str(w, "general.name", "inkstone-tiny-test"),
            () => U32(w, "llama.context_length", 4096),
            () => U32(w, "llama.embedding_length", Embedding),
            () => U32(w, "llama.block_count", 1),
            () => U32(w, "llama.feed_forward_length", FeedForward),
            () => U32(w, "llama.attention.head_count", Heads),
            () => U32(w, "llama.attention.head_count_kv", Heads),
            () => U32(w, "llama.rope.dimension_count", Embedding / Heads),
            () => { Key(w, "llama.attention.layer_norm_rms_epsilon"); w.Write(6u); w.Write(1e-5f); },
            () => Str(w, "tokenizer.ggml.model", "gpt2"),
            () => Str(w, "tokenizer.ggml.pre", "default"),
            () => { Key(w, "tokenizer.ggml.tokens"); w.Write(9u); w.Write(8u); w.Write((ulong)vocab); foreach (var t in tokens) S(w, t); },
            () => { Key(w, "tokenizer.ggml.token_type"); w.Write(9u); w.Write(5u); w.Write((ulong)vocab); foreach (var t in types) w.Write(t); },
            () => { Key(w, "tokenizer.ggml.merges"); w.Write(9u); w.Write(8u); w.Write(1ul); S(w, "Ġ Ġ"); },
            () => U32(w, "tokenizer.ggml.bos_token_id", 256),
            () => U32(w, "tokenizer.ggml.eos_token_id", 258),
            () => Str(w, "tokenizer.chat_template", "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"),
        };
        w.Write((ulong)kvs.Count);
        foreach (var kv in kvs) kv();
        ulong offset = 0;
        foreach (var (name, dims) in tensors)
        {
            S(w, name);
            w.Write((uint)dims.Length);
            foreach (var d in dims) w.Write((ulong)d);
            w.Write(0u); // F32
            w.Write(offset);
            offset += Align((ulong)(dims.Aggregate(1L, (a, b) => a * b) * 4));
        }
        Pad(w);
        var random = new Random(seed);
        foreach (var (name, dims) in tensors)
        {
            var count = dims.Aggregate(1L, (a, b) => a * b);
            var norm = name.Contains("norm", StringComparison.Ordinal);
            for (var i = 0; i < count; i++) w.Write(norm ? 1f : (float)(random.NextDouble() * 0.2 - 0.1));
            Pad(w);
        }
    }

    private static ulong Align(ulong n) => (n + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        while (w.BaseStream.Position % Alignment != 0) w.Write((byte)0);
    }

    private static void Key(BinaryWriter w, string key) => S(w, key);

    private static void S(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void Str(BinaryWriter w, string key, string value)
    {
        Key(w, key);
        w.Write(8u);
        S(w, value);
    }

    private static void U32(BinaryWriter w, string key, uint value)
    {
        Key(w, key);
        w.Write(4u);
        w.Write(value);
    }

    /// <summary>GPT-2's byte-to-unicode table: printable bytes map to themselves, the rest to U+0100 onwards.</summary>
    private static IEnumerable<string> ByteTokens()
    {
        var printable = Enumerable.Range('!', '~' - '!' + 1).Concat(Enumerable.Range('¡', '¬' - '¡' + 1)).Concat(Enumerable.Range('®', 'ÿ' - '®' + 1)).ToHashSet();
        var next = 256;
        for (var b = 0; b < 256; b++) yield return ((char)(printable.Contains(b) ? b : next++)).ToString();
    }
}
