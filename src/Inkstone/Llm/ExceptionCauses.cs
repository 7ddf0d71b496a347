namespace Inkstone.Llm;

/// <summary>An exception's message followed by each distinct inner message: "sending failed → Connection refused (host:port)".</summary>
public static class ExceptionCauses
{
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
            if (!parts.Contains(e.Message, StringComparer.Ordinal)) parts.Add(e.Message);
        return string.Join(" → ", parts);
    }
}
