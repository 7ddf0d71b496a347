namespace Inkstone.Curation;

/// <summary>Stored names of <see cref="CurationState"/> and which states are final.</summary>
public static class CurationStates
{
    private static readonly Dictionary<CurationState, string> s_names = Enum.GetValues<CurationState>()
        .ToDictionary(s => s, s => s == CurationState.InReview ? "in_review" : s.ToString().ToLowerInvariant());

    private static readonly Dictionary<string, CurationState> s_byName = s_names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToStorage(this CurationState state) => s_names[state];

    public static CurationState Parse(string name) =>
        s_byName.TryGetValue(name, out var state) ? state : throw new FormatException($"unknown curation state '{name}'");

    public static bool TryParse(string? name, out CurationState state)
    {
        state = default;
        return name is not null && s_byName.TryGetValue(name, out state);
    }

    /// <summary>States no stage moves an item out of (a person may still reopen removed or rejected items by hand).</summary>
    public static bool IsFinal(CurationState state) =>
        state is CurationState.Accepted or CurationState.Rejected or CurationState.Removed;
}
