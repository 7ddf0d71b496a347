using System.Net;
using System.Net.Sockets;

namespace Inkstone.Testing;

/// <summary>An <see cref="HttpListener"/> on a free 127.0.0.1 port that hands every request to a handler, concurrently.</summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Func<HttpListenerContext, CancellationToken, Task> handler)
    {
        _handler = handler;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                BaseAddress = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding; try another.
            }
        }
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(context, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The client went away (timeouts are part of the script); nothing to answer.
                }
                finally
                {
                    try { context.Response.Close(); } catch (Exception) { }
                }
            });
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Close();
        try { await _loop.ConfigureAwait(false); } catch (Exception) { }
        _stop.Dispose();
    }
}
