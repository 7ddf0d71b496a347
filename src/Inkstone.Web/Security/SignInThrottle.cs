using System.Collections.Concurrent;

namespace Inkstone.Web.Security;

/// <summary>
/// Sign-in rate limiting by failures: after <see cref="WebAppOptions.SignInFailuresPerAccount"/> failed attempts on one
/// account, or <see cref="WebAppOptions.SignInFailuresPerAddress"/> from one address, within the window, further
/// attempts are refused until the oldest failure leaves the window. Successful sign-ins are not limited (a team
/// behind one address signs in freely); a success clears the account's failures.
/// </summary>
public sealed class SignInThrottle(WebAppOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>When attempts for this account or address may resume, or null when they may go on now.</summary>
    public DateTimeOffset? BlockedUntil(string account, string address)
    {
        var now = time.GetUtcNow();
        var byAccount = Oldest("a:" + account, options.SignInFailuresPerAccount, now);
        var byAddress = Oldest("ip:" + address, options.SignInFailuresPerAddress, now);
        var until = new[] { byAccount, byAddress }.Where(t => t is not null).Select(t => t!.Value + options.SignInWindow).DefaultIfEmpty().Max();
        return until == default ? null : until;
    }

    public void RecordFailure(string account, string address)
    {
        var now = time.GetUtcNow();
        Add("a:" + account, now);
        Add("ip:" + address, now);
    }

    public void RecordSuccess(string account) => _failures.TryRemove("a:" + account, out _);

    private void Add(string key, DateTimeOffset now)
    {
        var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue) queue.Enqueue(now);
    }

    // The oldest failure in the window when the window is full, else null.
    private DateTimeOffset? Oldest(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue)) return null;
        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() <= now - options.SignInWindow) queue.Dequeue();
            return queue.Count >= limit ? queue.Peek() : null;
        }
    }
}
