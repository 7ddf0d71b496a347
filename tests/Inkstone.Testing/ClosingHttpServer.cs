using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Inkstone.Testing;

/// <summary>
/// A loopback HTTP/1.1 server that answers each request with a keep-alive response (no <c>Connection: close</c>) and then
/// closes the connection, as some servers and proxies do: a client that reuses the pooled connection finds it dead.
/// </summary>
public sealed class ClosingHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string> _body;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    /// <param name="body">The JSON body of the 200 response for a request body.</param>
    public ClosingHttpServer(Func<string, string> body)
    {
        _body = body;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How long the server keeps a connection open after answering before it closes it.</summary>
    public TimeSpan CloseDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => AnswerOnceAsync(socket));
        }
    }

    private async Task AnswerOnceAsync(Socket socket)
    {
        using (socket)
        await using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                var request = await ReadRequestAsync(stream).ConfigureAwait(false);
                if (request is null) return;
                Interlocked.Increment(ref _requests);
                var payload = Encoding.UTF8.GetBytes(_body(request));
                var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\n\r\n");
                await stream.WriteAsync(head, _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(payload, _stop.Token).ConfigureAwait(false);
                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                // Close a moment later, as a server finishing its own work does: long enough for the client to take the
                // connection from its pool and send the next request on it.
                await Task.Delay(CloseDelay, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task<string?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var n = await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false);
            if (n == 0) return null;
            buffer.AddRange(one.AsSpan(0, n));
        }
        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
        var length = 0;
        foreach (var line in head.Split("\r\n"))
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        while (buffer.Count < headerEnd + 4 + length)
        {
            var n = await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false);
            if (n == 0) return null;
            buffer.AddRange(one.AsSpan(0, n));
        }
        return Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, length).ToArray());
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') return i;
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
