namespace Inkstone.Web.Security;

/// <summary>Return addresses after sign-in: only local paths, so a crafted link cannot send a person to another site.</summary>
public static class LocalReturn
{
    public static string Safe(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !path.Contains("://", StringComparison.Ordinal)
            ? path
            : "/";
}
