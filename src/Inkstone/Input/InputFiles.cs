namespace Inkstone.Input;

/// <summary>
/// The same file named twice in one command is read once (docs/cli.md, "Reading input"): two names are the same
/// file when their full paths are equal, or when one is a link resolving to the other.
/// </summary>
public static class InputFiles
{
    /// <summary>The paths in their given order without repeats, and one note for each repeat dropped.</summary>
    public static DistinctInputFiles Distinct(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var kept = new List<string>();
        var notes = new List<string>();
        var seen = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var key = Identity(path);
            if (seen.TryGetValue(key, out var first))
            {
                notes.Add(first == path
                    ? $"{path}: named twice; read once"
                    : $"{path}: the same file as {first}; read once");
                continue;
            }
            seen[key] = path;
            kept.Add(path);
        }
        return new DistinctInputFiles(kept, notes);
    }

    private static string Identity(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
        catch (UnauthorizedAccessException)
        {
            return full;
        }
    }
}
