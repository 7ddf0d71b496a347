using System.Net;

namespace Inkstone.Llm.Backends;

/// <summary>
/// The endpoints of one model (one or several base URLs serving it), below the retry layer so that it sees every
/// attempt. Each request goes to the endpoint with the fewest requests outstanding (ties in turn). An endpoint that
/// cannot be reached (connection refused, DNS, TLS) is taken out for a cooldown that doubles with each failure in a row
/// (1 s, 2 s, … 30 s) and the request is sent at once to another one, as no fault; when its cooldown is over it gets
/// requests again, and the first success brings it back. An HTTP 404 (wrong URL, or a model the server does not serve)
/// takes the endpoint out for good. When every endpoint has failed <see cref="Threshold"/> times in a row (or answered
/// 404), the circuit opens: that request and every later one fail at once with <see cref="EndpointUnavailableException"/>,
/// which the retry layer does not retry, so a command that meets dead servers stops instead of grinding on. Transient
/// faults (429, 5xx, timeouts, a reset pooled connection) are not counted: they keep their retries.
/// </summary>
public sealed class EndpointPoolHandler : DelegatingHandler
{
    public const int DefaultThreshold = 3;

    private static readonly TimeSpan FirstCooldown = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxCooldown = TimeSpan.FromSeconds(30);

    private readonly Endpoint[] _endpoints;
    private readonly Uri _primary;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _next;
    private string? _openCause;

    /// <param name="endpoints">The base URLs; the first is the one requests are built against.</param>
    public EndpointPoolHandler(IReadOnlyList<Uri> endpoints, HttpMessageHandler inner, int threshold = DefaultThreshold, TimeProvider? timeProvider = null)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Count == 0) throw new ArgumentException("at least one endpoint", nameof(endpoints));
        _endpoints = [.. endpoints.Select(u => new Endpoint(u))];
        _primary = endpoints[0];
        Threshold = threshold;
        _time = timeProvider ?? TimeProvider.System;
    }

    public int Threshold { get; }

    /// <summary>Why the circuit opened, or null while some endpoint may still answer.</summary>
    public string? OpenCause => Volatile.Read(ref _openCause);

    /// <summary>Requests sent to each endpoint so far (for checking the spread).</summary>
    public IReadOnlyDictionary<Uri, long> Sent => _endpoints.ToDictionary(e => e.BaseUrl, e => Interlocked.Read(ref e.Sent));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var original = request.RequestUri!;
        for (var tried = 0; ; tried++)
        {
            var endpoint = Choose();
            request.RequestUri = Rebase(original, endpoint.BaseUrl);
            Interlocked.Increment(ref endpoint.Outstanding);
            Interlocked.Increment(ref endpoint.Sent);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (IsUnreachable(e))
            {
                Failed(endpoint, ExceptionCauses.Describe(e), permanent: false);
                if (OpenCause is { } cause) throw new EndpointUnavailableException(_primary, cause);
                // Another endpoint may answer: send it there now, as no fault. Otherwise the retry layer waits and retries.
                if (tried + 1 < _endpoints.Length && AnyEligible()) continue;
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref endpoint.Outstanding);
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                response.Dispose();
                Failed(endpoint, $"HTTP 404 for {request.RequestUri} (wrong base_url, or the server does not serve this model): {Shorten(body)}", permanent: true);
                if (OpenCause is { } cause) throw new EndpointUnavailableException(_primary, cause);
                continue;
            }

            lock (_gate)
            {
                endpoint.Failures = 0;
                endpoint.OutUntil = 0;
            }
            return response;
        }
    }

    /// <summary>The endpoint with the fewest outstanding requests among those not cooling down (ties in turn).</summary>
    private Endpoint Choose()
    {
        if (OpenCause is { } cause) throw new EndpointUnavailableException(_primary, cause);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            Endpoint? best = null;
            var start = _next++;
            for (var i = 0; i < _endpoints.Length; i++)
            {
                var e = _endpoints[(start + i) % _endpoints.Length];
                if (e.Dead || e.OutUntil > now) continue;
                if (best is null || Volatile.Read(ref e.Outstanding) < Volatile.Read(ref best.Outstanding)) best = e;
            }
            // All cooling down: the one whose cooldown ends first is tried (a probe) rather than failing a call early.
            return best ?? _endpoints.Where(e => !e.Dead).MinBy(e => e.OutUntil) ?? _endpoints[0];
        }
    }

    private bool AnyEligible()
    {
        var now = _time.GetTimestamp();
        lock (_gate) return _endpoints.Any(e => !e.Dead && e.OutUntil <= now);
    }

    private void Failed(Endpoint endpoint, string cause, bool permanent)
    {
        lock (_gate)
        {
            endpoint.Failures = permanent ? Threshold : endpoint.Failures + 1;
            endpoint.Dead |= permanent;
            endpoint.LastCause = cause;
            var cooldown = TimeSpan.FromTicks(Math.Min(MaxCooldown.Ticks, FirstCooldown.Ticks << Math.Min(endpoint.Failures - 1, 10)));
            endpoint.OutUntil = _time.GetTimestamp() + (long)(cooldown.TotalSeconds * _time.TimestampFrequency);
            if (_openCause is null && _endpoints.All(e => e.Dead || e.Failures >= Threshold))
            {
                _openCause = _endpoints.Length == 1
                    ? cause
                    : "every endpoint failed: " + string.Join("; ", _endpoints.Select(e => $"{e.BaseUrl}: {e.LastCause}"));
            }
        }
    }

    /// <summary><paramref name="uri"/>, built against the primary base URL, sent to <paramref name="endpoint"/> instead.</summary>
    private Uri Rebase(Uri uri, Uri endpoint)
    {
        if (endpoint == _primary) return uri;
        var text = uri.AbsoluteUri;
        return text.StartsWith(_primary.AbsoluteUri, StringComparison.Ordinal)
            ? new Uri(endpoint.AbsoluteUri + text[_primary.AbsoluteUri.Length..])
            : uri;
    }

    /// <summary>The server could not be reached at all: refused, no such host, TLS failure.</summary>
    public static bool IsUnreachable(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (StaleConnectionRetryHandler.IsStaleConnection(exception)) return false;
        return exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed class Endpoint(Uri baseUrl)
    {
        public Uri BaseUrl { get; } = baseUrl;
        public int Outstanding;
        public long Sent;
        public int Failures;
        public bool Dead;
        public long OutUntil;
        public string? LastCause;
    }
}
