namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// What a page under test may load: local files, inline data, and servers on the loopback interface (the web app the
/// test started). Anything else is blocked and recorded, so a test can assert a page works offline.
/// </summary>
public static class NetworkPolicy
{
    public static bool IsAllowed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        return uri.Scheme switch
        {
            "file" or "data" or "blob" or "about" => true,
            "http" or "https" or "ws" or "wss" => uri.IsLoopback,
            _ => false,
        };
    }
}
