using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// The MinHash inner loop: for every permutation i, the minimum over the shingle hashes x of Mix(x ⊕ saltᵢ), Mix being
/// the SplitMix64 finalizer. Runs eight (512-bit) or four (256-bit) permutations per instruction where the processor
/// has the vector unit, otherwise one at a time; every path gives the same values.
/// </summary>
internal static class MinimumHashes
{
    private const ulong C1 = 0xBF58476D1CE4E5B9UL;
    private const ulong C2 = 0x94D049BB133111EBUL;

    /// <summary>Lowers <paramref name="minima"/>[i] to the minimum of Mix(x ⊕ salts[i]) over <paramref name="shingles"/>.</summary>
    public static void Accumulate(ReadOnlySpan<ulong> shingles, ReadOnlySpan<ulong> salts, Span<ulong> minima)
    {
        if (salts.Length != minima.Length) throw new ArgumentException("one minimum per salt is needed", nameof(minima));
        var done = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; done + Vector512<ulong>.Count <= salts.Length; done += Vector512<ulong>.Count) Accumulate512(shingles, salts, minima, done);
        if (Vector256.IsHardwareAccelerated)
            for (; done + Vector256<ulong>.Count <= salts.Length; done += Vector256<ulong>.Count) Accumulate256(shingles, salts, minima, done);
        for (; done < salts.Length; done++)
        {
            var salt = salts[done];
            var minimum = minima[done];
            foreach (var x in shingles)
            {
                var h = CharacterShingles.Mix(x ^ salt);
                if (h < minimum) minimum = h;
            }
            minima[done] = minimum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate512(ReadOnlySpan<ulong> shingles, ReadOnlySpan<ulong> salts, Span<ulong> minima, int offset)
    {
        ref var saltRef = ref MemoryMarshal.GetReference(salts);
        ref var minRef = ref MemoryMarshal.GetReference(minima);
        var salt = Vector512.LoadUnsafe(ref saltRef, (nuint)offset);
        var minimum = Vector512.LoadUnsafe(ref minRef, (nuint)offset);
        var c1 = Vector512.Create(C1);
        var c2 = Vector512.Create(C2);
        foreach (var x in shingles)
        {
            var z = Vector512.Create(x) ^ salt;
            z = (z ^ Vector512.ShiftRightLogical(z, 30)) * c1;
            z = (z ^ Vector512.ShiftRightLogical(z, 27)) * c2;
            z ^= Vector512.ShiftRightLogical(z, 31);
            minimum = Vector512.Min(minimum, z);
        }
        minimum.StoreUnsafe(ref minRef, (nuint)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate256(ReadOnlySpan<ulong> shingles, ReadOnlySpan<ulong> salts, Span<ulong> minima, int offset)
    {
        ref var saltRef = ref MemoryMarshal.GetReference(salts);
        ref var minRef = ref MemoryMarshal.GetReference(minima);
        var salt = Vector256.LoadUnsafe(ref saltRef, (nuint)offset);
        var minimum = Vector256.LoadUnsafe(ref minRef, (nuint)offset);
        var c1 = Vector256.Create(C1);
        var c2 = Vector256.Create(C2);
        foreach (var x in shingles)
        {
            var z = Vector256.Create(x) ^ salt;
            z = (z ^ Vector256.ShiftRightLogical(z, 30)) * c1;
            z = (z ^ Vector256.ShiftRightLogical(z, 27)) * c2;
            z ^= Vector256.ShiftRightLogical(z, 31);
            minimum = Vector256.Min(minimum, z);
        }
        minimum.StoreUnsafe(ref minRef, (nuint)offset);
    }
}
