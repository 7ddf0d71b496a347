using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Inkstone.Testing;

/// <summary>
/// A loopback OpenAI-compatible server: <c>POST /v1/chat/completions</c> answered by a script (any reply, HTTP error
/// with Retry-After, hang) after an optional fixed latency. Records every request and the peak number in flight.
/// </summary>
public sealed class OpenAIStubServer : IAsyncDisposable
{
    private readonly Func<StubRequest, StubReply> _script;
    private readonly TimeSpan _latency;
    private readonly LoopbackHttpServer _server;
    private int _sequence;
    private int _inFlight;
    private int _peakInFlight;

    public OpenAIStubServer(Func<StubRequest, StubReply> script, TimeSpan latency = default, bool recordRequests = true)
    {
        _script = script;
        _latency = latency;
        RecordRequests = recordRequests;
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public bool RecordRequests { get; }

    /// <summary>The base URL a client is configured with, ending in <c>/v1/</c>.</summary>
    public Uri BaseUrl => new(_server.BaseAddress, "v1/");

    public ConcurrentQueue<StubRequest> Requests { get; } = new();
    public int RequestCount => Volatile.Read(ref _sequence);
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var now = Interlocked.Increment(ref _inFlight);
        try
        {
            int peak;
            while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak) { }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync(stopping).ConfigureAwait(false);
            var path = context.Request.Url!.AbsolutePath;
            if (!path.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }
            var request = new StubRequest(Interlocked.Increment(ref _sequence), path, body, context.Request.Headers["Authorization"]);
            if (RecordRequests) Requests.Enqueue(request);
            StubReply reply;
            try
            {
                reply = _script(request);
            }
            catch (Exception e)
            {
                // A script that cannot answer is a test bug: say so loudly instead of closing the connection.
                reply = new StubReply { Status = 599, Content = e.ToString() };
            }
            var wait = _latency + reply.Delay;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, stopping).ConfigureAwait(false);

            var response = context.Response;
            response.StatusCode = reply.Status;
            if (reply.RetryAfterSeconds is { } retryAfter) response.Headers["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture);
            var payload = reply.Status == 200
                ? Completion(request.Sequence, reply)
                : JsonSerializer.Serialize(new { error = new { message = reply.Content ?? $"scripted {reply.Status}", type = "stub" } });
            var bytes = Encoding.UTF8.GetBytes(payload);
            response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, stopping).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static string Completion(int sequence, StubReply reply) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-" + sequence.ToString(CultureInfo.InvariantCulture),
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "stub-model",
        choices = new[]
        {
            new { index = 0, message = new { role = "assistant", content = reply.Content ?? "" }, finish_reason = reply.FinishReason },
        },
        usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens },
    });

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
