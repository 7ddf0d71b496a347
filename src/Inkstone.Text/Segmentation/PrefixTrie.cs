using System.Numerics;
using System.Runtime.CompilerServices;

namespace Inkstone.Text.Segmentation;

/// <summary>
/// jieba's prefix dictionary (<c>FREQ</c>): every word and every prefix of a word is a node; a node's frequency is
/// the word's frequency, or 0 for a prefix that is not itself a word. The first character is looked up in a direct
/// table; deeper steps go through one open-addressing hash keyed by (parent node, UTF-16 unit), so a walk costs
/// one probe per character and allocates nothing. Node 0 is the root.
/// </summary>
internal sealed class PrefixTrie
{
    private const int InitialCapacityLog2 = 20;

    private readonly int[] _firstLevel = new int[65536];
    private ulong[] _keys;      // (parent << 16 | unit) + 1; 0 marks an empty slot
    private int[] _children;
    private int _mask;
    private int _hashCount;

    private long[] _frequencies;
    private double[] _logFrequencies;
    private int _nodeCount = 1;

    public PrefixTrie(int expectedNodes = 1 << 19)
    {
        var log2 = Math.Max(InitialCapacityLog2, BitOperations.Log2((uint)Math.Max(expectedNodes, 1) * 2u) + 1);
        _keys = new ulong[1 << log2];
        _children = new int[1 << log2];
        _mask = (1 << log2) - 1;
        _frequencies = new long[Math.Max(expectedNodes, 16)];
        _logFrequencies = new double[_frequencies.Length];
    }

    /// <summary>Number of nodes (words and prefixes) — the size of Python jieba's <c>FREQ</c> table.</summary>
    public int Count => _nodeCount - 1;

    /// <summary>The child of <paramref name="node"/> along <paramref name="unit"/>, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Child(int node, char unit)
    {
        if (node == 0) return _firstLevel[unit];
        var key = ((ulong)(uint)node << 16 | unit) + 1;
        var slot = Hash(key) & _mask;
        var keys = _keys;
        while (true)
        {
            var k = keys[slot];
            if (k == key) return _children[slot];
            if (k == 0) return 0;
            slot = (slot + 1) & _mask;
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
    public void Set(ReadOnlySpan<char> word, long frequency)
    {
        var node = 0;
        foreach (var c in word) node = GetOrAddChild(node, c);
        _frequencies[node] = frequency;
        _logFrequencies[node] = frequency > 0 ? Math.Log(frequency) : 0.0;
    }

    private int GetOrAddChild(int node, char unit)
    {
        if (node == 0)
        {
            var first = _firstLevel[unit];
            if (first == 0) _firstLevel[unit] = first = NewNode();
            return first;
        }
        var key = ((ulong)(uint)node << 16 | unit) + 1;
        var slot = Hash(key) & _mask;
        while (true)
        {
            var k = _keys[slot];
            if (k == key) return _children[slot];
            if (k == 0) break;
            slot = (slot + 1) & _mask;
        }
        var child = NewNode();
        _keys[slot] = key;
        _children[slot] = child;
        if (++_hashCount * 2 > _mask) Grow();
        return child;
    }

    private int NewNode()
    {
        if (_nodeCount == _frequencies.Length)
        {
            Array.Resize(ref _frequencies, _frequencies.Length * 2);
            Array.Resize(ref _logFrequencies, _logFrequencies.Length * 2);
        }
        return _nodeCount++;
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldChildren = _children;
        _keys = new ulong[oldKeys.Length * 2];
        _children = new int[oldKeys.Length * 2];
        _mask = _keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] == 0) continue;
            var slot = Hash(oldKeys[i]) & _mask;
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = oldKeys[i];
            _children[slot] = oldChildren[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32);
}
