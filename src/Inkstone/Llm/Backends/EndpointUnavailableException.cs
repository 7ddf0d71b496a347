namespace Inkstone.Llm.Backends;

/// <summary>
/// The model endpoint cannot be reached or does not serve the model (connection refused, DNS, TLS, HTTP 404): no item is
/// at fault, so no item is quarantined for it. A stage that meets it stops claiming, releases what it holds, and the
/// verb says why once.
/// </summary>
public sealed class EndpointUnavailableException : Exception
{
    public EndpointUnavailableException() { }

    public EndpointUnavailableException(string message) : base(message) { }

    public EndpointUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    public EndpointUnavailableException(Uri endpoint, string cause)
        : base($"model endpoint {endpoint} is unavailable: {cause}") => Endpoint = endpoint;

    public Uri? Endpoint { get; }

    /// <summary>The endpoint failure inside <paramref name="exception"/> (it may be wrapped by client layers), or null.</summary>
    public static EndpointUnavailableException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is EndpointUnavailableException found) return found;
        return null;
    }
}
