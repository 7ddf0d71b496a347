namespace Inkstone.Evaluation.Statistics;

/// <summary>Ratings grouped by item, with one value per rater and item (a second value for the same pair is an error).</summary>
internal static class ReliabilityData
{
    public static Dictionary<string, Dictionary<string, int>> ByItem(IEnumerable<RaterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (!items.TryGetValue(v.Item, out var raters)) items[v.Item] = raters = new Dictionary<string, int>(StringComparer.Ordinal);
            if (!raters.TryAdd(v.Rater, v.Value))
                throw new ArgumentException($"item '{v.Item}': rater '{v.Rater}' rated it more than once", nameof(values));
        }
        return items;
    }
}
