namespace Inkstone.Team;

/// <summary>The stored and command-line spelling of roles: <c>admin</c>, <c>annotator</c>, <c>reviewer</c>, <c>expert_reviewer</c>, <c>judge</c>.</summary>
public static class TeamRoles
{
    private static readonly (TeamRole Role, string Name)[] s_names =
    [
        (TeamRole.Admin, "admin"), (TeamRole.Annotator, "annotator"), (TeamRole.Reviewer, "reviewer"),
        (TeamRole.ExpertReviewer, "expert_reviewer"), (TeamRole.Judge, "judge"),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. s_names.Select(n => n.Name)];

    public static string ToName(this TeamRole role) => s_names.First(n => n.Role == role).Name;

    public static bool TryParse(string? text, out TeamRole role)
    {
        foreach (var (r, name) in s_names)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(name.Replace("_", "-", StringComparison.Ordinal), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>Parses a comma- or space-separated list; throws <see cref="FormatException"/> naming the unknown role.</summary>
    public static IReadOnlySet<TeamRole> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var roles = new SortedSet<TeamRole>();
        foreach (var part in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var role)) throw new FormatException($"unknown role '{part}' (roles: {string.Join(", ", Names)})");
            roles.Add(role);
        }

        return roles;
    }

    public static string Format(IEnumerable<TeamRole> roles) => string.Join(" ", roles.Order().Select(r => r.ToName()));
}
