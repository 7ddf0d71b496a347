namespace Inkstone.Statistics;

/// <summary>
/// Logarithmic length buckets of half a decade: bucket 0 holds length 0; bucket <c>k + 1</c> (k ≥ 0) holds lengths n with
/// 10^(k/2) ≤ n &lt; 10^((k+1)/2), i.e. integer edges 1, 4, 10, 32, 100, 317, 1000, 3163, 10000, 31623, 100000, …
/// (the smallest integer n with n² ≥ 10^k). The test is done in integers (n² ≥ 10^k), so no edge is subject to rounding.
/// </summary>
public static class LengthBuckets
{
    /// <summary>Enough buckets for any length up to <see cref="int.MaxValue"/>.</summary>
    public const int Count = 21;

    public static int IndexOf(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0) return 0;
        var square = (decimal)length * length;
        var k = 0;
        decimal power = 10;
        while (square >= power)
        {
            k++;
            power *= 10;
        }
        return k + 1;
    }

    /// <summary>Smallest length in bucket <paramref name="index"/>.</summary>
    public static long LowerBound(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (index == 0) return 0;
        var power = Pow10(index - 1);
        var n = (long)Math.Floor(Math.Sqrt((double)power));
        while ((decimal)n * n < power) n++;
        while (n > 1 && (decimal)(n - 1) * (n - 1) >= power) n--;
        return n;
    }

    /// <summary>Smallest length above bucket <paramref name="index"/> (exclusive upper bound).</summary>
    public static long UpperBound(int index) => index == 0 ? 1 : LowerBound(index + 1);

    private static decimal Pow10(int exponent)
    {
        decimal value = 1;
        for (var i = 0; i < exponent; i++) value *= 10;
        return value;
    }
}
