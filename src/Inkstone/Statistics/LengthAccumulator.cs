namespace Inkstone.Statistics;

/// <summary>Running count, sum, minimum and maximum of lengths; constant memory.</summary>
internal sealed class LengthAccumulator
{
    private long _count, _sum, _min = long.MaxValue, _max = long.MinValue;

    public void Add(long length)
    {
        _count++;
        _sum += length;
        if (length < _min) _min = length;
        if (length > _max) _max = length;
    }

    public LengthSummary ToSummary() => _count == 0 ? LengthSummary.Empty : new LengthSummary(_count, _min, (double)_sum / _count, _max);
}
