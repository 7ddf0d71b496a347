namespace Inkstone.Curation.Review;

/// <summary>
/// The people who may review: ordinary reviewers and expert reviewers (specialised cultural or stylistic knowledge).
/// Names are trimmed and de-duplicated; a person listed in both is an expert.
/// </summary>
public sealed class ReviewerPool
{
    public ReviewerPool(IEnumerable<string> reviewers, IEnumerable<string>? experts = null)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        Experts = Clean(experts ?? []);
        var expertSet = Experts.ToHashSet(StringComparer.Ordinal);
        Reviewers = [.. Clean(reviewers).Where(r => !expertSet.Contains(r))];
    }

    /// <summary>Ordinary reviewers (experts excluded).</summary>
    public IReadOnlyList<string> Reviewers { get; }

    public IReadOnlyList<string> Experts { get; }

    public int Count => Reviewers.Count + Experts.Count;

    private static List<string> Clean(IEnumerable<string> names) =>
        [.. names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
}
