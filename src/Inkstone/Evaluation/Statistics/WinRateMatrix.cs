namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Pairwise win rates of every model against every other (row beats column; ties count ½), with the sign test and
/// Wilson interval per cell. Every verdict counts once, so with several annotators per comparison each annotator's
/// verdict is one comparison.
/// </summary>
public sealed class WinRateMatrix
{
    private readonly Dictionary<string, int> _index;
    private readonly PairCounts[,] _counts;

    private WinRateMatrix(IReadOnlyList<string> models, PairCounts[,] counts)
    {
        Models = models;
        _counts = counts;
        _index = models.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Models { get; }

    /// <summary>
    /// Builds the matrix from verdicts. <paramref name="models"/> fixes the row order; models met in the outcomes but
    /// not listed are appended in order of first appearance. Comparisons of a model with itself are rejected.
    /// </summary>
    public static WinRateMatrix Build(IEnumerable<PairwiseOutcome> outcomes, IEnumerable<string>? models = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var order = new List<string>((models ?? []).Distinct(StringComparer.Ordinal));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++) index.TryAdd(order[i], i);
        var list = new List<(int A, int B, Verdict V)>();
        foreach (var o in outcomes)
        {
            if (o.ModelA == o.ModelB) throw new ArgumentException($"query {o.QueryId}: model '{o.ModelA}' compared with itself", nameof(outcomes));
            list.Add((IndexOf(o.ModelA), IndexOf(o.ModelB), o.Verdict));
        }

        var counts = new PairCounts[order.Count, order.Count];
        foreach (var (a, b, v) in list)
        {
            counts[a, b] = counts[a, b].Add(v);
            counts[b, a] = counts[a, b].Swap();
        }
        return new WinRateMatrix(order, counts);

        int IndexOf(string model)
        {
            if (index.TryGetValue(model, out var i)) return i;
            index[model] = order.Count;
            order.Add(model);
            return order.Count - 1;
        }
    }

    public PairCounts Counts(string row, string column) => _counts[_index[row], _index[column]];

    public PairCounts Counts(int row, int column) => _counts[row, column];

    /// <summary>The statistics of one cell; null on the diagonal.</summary>
    public WinRateCell? Cell(string row, string column) => Cell(_index[row], _index[column]);

    public WinRateCell? Cell(int row, int column)
    {
        if (row == column) return null;
        var c = _counts[row, column];
        return new WinRateCell(Models[row], Models[column], c,
            BinomialTest.TwoSidedPValue(c.Wins, c.Decisive),
            WilsonInterval.Compute(c.Wins + (0.5 * c.Ties), c.Comparisons));
    }

    /// <summary>Every off-diagonal cell with at least one comparison, row-major.</summary>
    public IEnumerable<WinRateCell> Cells()
    {
        for (var i = 0; i < Models.Count; i++)
            for (var j = 0; j < Models.Count; j++)
                if (i != j && _counts[i, j].Comparisons > 0)
                    yield return Cell(i, j)!;
    }
}
