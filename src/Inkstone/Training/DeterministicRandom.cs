using System.Text;

namespace Inkstone.Training;

/// <summary>
/// xoshiro256** seeded through SplitMix64 (Blackman and Vigna). Written out here so that a seed gives the same
/// sequence on every .NET version and platform, which <see cref="Random"/> does not promise.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public DeterministicRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>A generator for a named purpose under a seed: streams for different purposes do not overlap in use.</summary>
    public static DeterministicRandom ForPurpose(long seed, string purpose) => new(DeriveSeed(seed, purpose));

    /// <summary>Mixes a seed with the UTF-8 bytes of a purpose string (FNV-1a 64, then one SplitMix64 step).</summary>
    public static ulong DeriveSeed(long seed, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(purpose))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        var x = unchecked((ulong)seed) ^ hash;
        return SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-and-reject method (no modulo bias).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = unchecked(0UL - range) % range;
            while (low < threshold)
                product = Math.BigMul(NextUInt64(), range, out low);
        }

        return (int)product;
    }

    /// <summary>
    /// Shuffles in place by the forward Fisher–Yates form: for i = 0 … n−2, swap item i with item i + NextInt(n − i).
    /// The first k positions are therefore final after k steps, so a prefix of the result is a uniform draw without replacement.
    /// </summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count - 1; i++)
        {
            var j = i + NextInt(items.Count - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong value, int count) => (value << count) | (value >> (64 - count));
}
