using System.Net;

namespace Inkstone.Llm.Backends;

/// <summary>
/// The circuit breaker of one endpoint, below the retry layer so that it sees every attempt. A run of
/// <see cref="Threshold"/> attempts in a row that failed to reach the server (connection refused, DNS, TLS), or one
/// HTTP 404 (the model or path does not exist), opens it: that attempt and every later request, in flight or new, fail
/// at once with <see cref="EndpointUnavailableException"/>, which the retry layer does not retry. Transient faults (429,
/// 5xx, timeouts, a reset pooled connection) are not counted: they keep their retries. A success closes the run.
/// Once open it stays open for the life of the client: a command that meets a dead server stops instead of grinding on.
/// </summary>
public sealed class CircuitBreakerHandler(Uri endpoint, HttpMessageHandler inner, int threshold = CircuitBreakerHandler.DefaultThreshold)
    : DelegatingHandler(inner)
{
    public const int DefaultThreshold = 3;

    private int _consecutive;
    private volatile string? _openCause;

    public int Threshold => threshold;

    /// <summary>Why the breaker opened, or null while it is closed.</summary>
    public string? OpenCause => _openCause;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_openCause is { } cause) throw new EndpointUnavailableException(endpoint, cause);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (IsUnreachable(e))
        {
            var text = Causes(e);
            if (Interlocked.Increment(ref _consecutive) >= threshold) Open(text);
            if (_openCause is { } opened) throw new EndpointUnavailableException(endpoint, opened);
            throw;
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            response.Dispose();
            Open($"HTTP 404 for {request.RequestUri} (wrong base_url, or the server does not serve this model): {Shorten(body)}");
            throw new EndpointUnavailableException(endpoint, _openCause!);
        }
        Volatile.Write(ref _consecutive, 0);
        return response;
    }

    private void Open(string cause)
    {
        // The first cause stays: it is the one the user needs to see.
#pragma warning disable CS0420 // a volatile field passed by reference to an interlocked operation stays volatile
        Interlocked.CompareExchange(ref _openCause, cause, null);
#pragma warning restore CS0420
    }

    /// <summary>The server could not be reached at all: refused, no such host, TLS failure.</summary>
    public static bool IsUnreachable(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (StaleConnectionRetryHandler.IsStaleConnection(exception)) return false;
        return exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
    }

    private static string Causes(Exception e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null; x = x.InnerException)
            if (!parts.Contains(x.Message, StringComparer.Ordinal)) parts.Add(x.Message);
        return string.Join(" → ", parts);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
