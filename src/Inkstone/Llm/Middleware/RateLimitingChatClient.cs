using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Middleware;

/// <summary>
/// Holds requests back to a request rate and a token rate (token buckets refilled every period). The token cost of a
/// request is not known before it is sent, so it is estimated as the characters of its messages plus its output-token
/// limit — an overestimate for Chinese and English alike, which keeps the server's limit from being hit.
/// </summary>
public sealed class RateLimitingChatClient : DelegatingChatClient
{
    private readonly TokenBucketRateLimiter? _requests;
    private readonly TokenBucketRateLimiter? _tokens;
    private readonly int _tokenLimit;

    /// <param name="requestsPerPeriod">Null or 0: no request limit.</param>
    /// <param name="tokensPerPeriod">Null or 0: no token limit.</param>
    public RateLimitingChatClient(IChatClient innerClient, int? requestsPerPeriod, int? tokensPerPeriod, TimeSpan period) : base(innerClient)
    {
        if (requestsPerPeriod is > 0) _requests = Create(requestsPerPeriod.Value, period);
        if (tokensPerPeriod is > 0)
        {
            _tokens = Create(tokensPerPeriod.Value, period);
            _tokenLimit = tokensPerPeriod.Value;
        }
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        using var requestLease = _requests is null ? null : await Acquire(_requests, 1, "request", cancellationToken).ConfigureAwait(false);
        using var tokenLease = _tokens is null ? null : await Acquire(_tokens, Math.Min(_tokenLimit, EstimateTokens(list, options)), "token", cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
    }

    internal static int EstimateTokens(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        long chars = 0;
        foreach (var m in messages) chars += m.Text.Length;
        return (int)Math.Min(int.MaxValue, chars + (options?.MaxOutputTokens ?? 0) + 1);
    }

    private static async Task<RateLimitLease> Acquire(RateLimiter limiter, int permits, string what, CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new InvalidOperationException($"{what} rate limiter refused a lease of {permits}");
    }

    private static TokenBucketRateLimiter Create(int permits, TimeSpan period) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = permits,
        TokensPerPeriod = permits,
        ReplenishmentPeriod = period,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _requests?.Dispose();
            _tokens?.Dispose();
        }
        base.Dispose(disposing);
    }
}
