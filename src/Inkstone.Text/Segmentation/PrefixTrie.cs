using System.Numerics;
using System.Runtime.CompilerServices;

namespace Inkstone.Text.Segmentation;

/// <summary>
/// jieba's prefix dictionary (<c>FREQ</c>): every word and every prefix of a word is a node; a node's frequency is
/// the word's frequency, or 0 for a prefix that is not itself a word. The first character is looked up in a direct
/// table; deeper steps go through one open-addressing hash keyed by (parent node, UTF-16 unit), so a walk costs
/// one probe (usually one cache line) per character and allocates nothing. Node 0 is the root.
/// </summary>
internal sealed class PrefixTrie
{
    private const int InitialCapacityLog2 = 10;

    private readonly int[] _firstLevel = new int[65536];
    private const int ChildBits = 24;
    private const ulong ChildMask = (1UL << ChildBits) - 1;

    // Each slot packs (parent << 16 | unit) << 24 | child; parents are at least 1, so 0 marks an empty slot.
    private ulong[] _slots;
    private int _mask;
    private int _hashCount;

    private long[] _frequencies;
    private double[] _logFrequencies;
    private int _nodeCount = 1;

    public PrefixTrie(int expectedNodes = 1 << 19)
    {
        var log2 = Math.Max(InitialCapacityLog2, BitOperations.Log2((uint)Math.Max(expectedNodes, 1) * 2u) + 1);
        _slots = new ulong[1 << log2];
        _mask = (1 << log2) - 1;
        _frequencies = new long[Math.Max(expectedNodes, 16)];
        _logFrequencies = new double[_frequencies.Length];
    }

    private PrefixTrie(PrefixTrie source)
    {
        _firstLevel = (int[])source._firstLevel.Clone();
        _slots = (ulong[])source._slots.Clone();
        _mask = source._mask;
        _hashCount = source._hashCount;
        _frequencies = (long[])source._frequencies.Clone();
        _logFrequencies = (double[])source._logFrequencies.Clone();
        _nodeCount = source._nodeCount;
    }

    /// <summary>An independent copy (array copies, far cheaper than parsing the dictionary again).</summary>
    public PrefixTrie Clone() => new(this);

    /// <summary>Number of nodes (words and prefixes) — the size of Python jieba's <c>FREQ</c> table.</summary>
    public int Count => _nodeCount - 1;

    /// <summary>The child of <paramref name="node"/> along <paramref name="unit"/>, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Child(int node, char unit)
    {
        if (node == 0) return _firstLevel[unit];
        var key = (ulong)(uint)node << 16 | unit;
        var slots = _slots;
        var mask = _mask;
        var slot = Hash(key) & mask;
        while (true)
        {
            var entry = slots[slot];
            if (entry >> ChildBits == key) return (int)(entry & ChildMask);
            if (entry == 0) return 0;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The node of <paramref name="word"/>, or 0 when it is not in the table.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return 0;
        var node = 0;
        foreach (var c in word)
        {
            node = Child(node, c);
            if (node == 0) return 0;
        }
        return node;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Frequency(int node) => _frequencies[node];

    /// <summary><c>log(freq)</c> as CPython's <c>math.log</c> computes it (the C library's <c>log</c>); 0 for frequency 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double LogFrequency(int node) => _logFrequencies[node];

    /// <summary>
    /// Adds <paramref name="word"/> with <paramref name="frequency"/> (overwriting a previous value) and its missing
    /// prefixes with frequency 0, as jieba's <c>gen_pfdict</c> and <c>add_word</c> do.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(ReadOnlySpan<char> word, long frequency)
    {
        var node = 0;
        foreach (var c in word) node = GetOrAddChild(node, c);
        _frequencies[node] = frequency;
        _logFrequencies[node] = frequency > 0 ? Math.Log(frequency) : 0.0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GetOrAddChild(int node, char unit)
    {
        if (node == 0)
        {
            var first = _firstLevel[unit];
            if (first == 0) _firstLevel[unit] = first = NewNode();
            return first;
        }
        var key = (ulong)(uint)node << 16 | unit;
        var slot = Hash(key) & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry >> ChildBits == key) return (int)(entry & ChildMask);
            if (entry == 0) break;
            slot = (slot + 1) & _mask;
        }
        var child = NewNode();
        _slots[slot] = key << ChildBits | (uint)child;
        if (++_hashCount * 2 > _mask) Grow();
        return child;
    }

    private int NewNode()
    {
        if (_nodeCount > (int)ChildMask) throw new InvalidOperationException($"The prefix table holds at most {ChildMask} words and prefixes.");
        if (_nodeCount == _frequencies.Length)
        {
            Array.Resize(ref _frequencies, _frequencies.Length * 2);
            Array.Resize(ref _logFrequencies, _logFrequencies.Length * 2);
        }
        return _nodeCount++;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry == 0) continue;
            var slot = Hash(entry >> ChildBits) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = entry;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32);
}
