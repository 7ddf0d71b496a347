using System.Text.RegularExpressions;

namespace Inkstone.Team;

/// <summary>Sign-in names: 2–40 characters of lower-case ASCII letters, digits, '.', '-' and '_', starting with a letter or digit.</summary>
public static partial class PersonIds
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The id as stored (trimmed, lower case), or a <see cref="FormatException"/> saying what is allowed.</summary>
    public static string Normalize(string id)
    {
        var normalized = (id ?? "").Trim().ToLowerInvariant();
        if (!IsValid(normalized))
            throw new FormatException($"'{id}' is not a valid sign-in name: use 2–40 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
        return normalized;
    }
}
