namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// Groups documents linked by near-duplicate pairs (transitively, union–find). Deduplication keeps the document
/// with the lowest index of each group and drops the others.
/// </summary>
public static class DuplicateClusters
{
    /// <summary>Groups of two or more documents, each ascending, ordered by their first document.</summary>
    public static List<List<int>> From(IEnumerable<NearDuplicatePair> pairs)
    {
        var parent = new Dictionary<int, int>();
        int Find(int x)
        {
            if (!parent.TryGetValue(x, out var p)) return parent[x] = x;
            if (p == x) return x;
            var root = Find(p);
            parent[x] = root;
            return root;
        }
        foreach (var pair in pairs)
        {
            int a = Find(pair.First), b = Find(pair.Second);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        return parent.Keys
            .GroupBy(Find)
            .Select(g => g.OrderBy(x => x).ToList())
            .OrderBy(g => g[0])
            .ToList();
    }

}
