namespace Inkstone.Llm.Backends;

/// <summary>
/// Sends a request once more, at once, when it failed because the pooled connection it went out on had been closed by
/// the server (the response ended before any byte of it arrived, or the connection was reset). Servers and proxies that
/// close idle or HTTP/1.0-style connections cause this; it says nothing about the server's health, so it is not a fault
/// for the retry policy or the circuit breaker. A few resends at most (<see cref="MaxResends"/>): after that the failure is the server's.
/// </summary>
public sealed class StaleConnectionRetryHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>
    /// Resends at most this many times: the pool may hold several connections the server closed at once, and each dead
    /// one fails at once (no wait), so even many resends cost next to nothing.
    /// </summary>
    public const int MaxResends = 16;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var resend = 0; ; resend++)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (resend < MaxResends && IsStaleConnection(e) && !cancellationToken.IsCancellationRequested)
            {
                // The dead connection is gone from the pool now; the next try takes another one or opens a new one.
            }
        }
    }

    /// <summary>The connection died under the request: it ended or was reset before a response came back.</summary>
    public static bool IsStaleConnection(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.StatusCode is not null) return false;
        if (exception.HttpRequestError == HttpRequestError.ResponseEnded) return true;
        for (Exception? e = exception.InnerException; e is not null; e = e.InnerException)
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted })
                return true;
        return false;
    }
}
