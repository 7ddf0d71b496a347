using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Inkstone.IntegrationTests.Browser;

/// <summary>A one-file HTTP server on 127.0.0.1 serving a stylesheet, to show loopback requests pass the guard.</summary>
public sealed class LoopbackStylesheet : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _body;
    private int _requests;

    private LoopbackStylesheet(string css, int port)
    {
        _body = Encoding.UTF8.GetBytes(css);
        Url = $"http://127.0.0.1:{port}/style.css";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    }

    public string Url { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static LoopbackStylesheet Start(string css)
    {
        var server = new LoopbackStylesheet(css, FreePort());
        server._listener.Start();
        _ = server.ServeAsync();
        return server;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            context.Response.ContentType = "text/css; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(_body).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
