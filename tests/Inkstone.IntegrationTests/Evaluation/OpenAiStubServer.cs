using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Inkstone.IntegrationTests.Evaluation;

/// <summary>A loopback OpenAI-compatible chat-completions server whose reply text comes from a function of (model, last message).</summary>
internal sealed class OpenAiStubServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public OpenAiStubServer(Func<string, string, string> reply)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (HttpListenerException) { break; }
                catch (ObjectDisposedException) { break; }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
                lock (Requests) Requests.Add(body);
                var model = body["model"]!.GetValue<string>();
                var prompt = body["messages"]!.AsArray().Last()!["content"]!.ToString();
                var response = new JsonObject
                {
                    ["id"] = "c1", ["object"] = "chat.completion", ["created"] = 1, ["model"] = model,
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0, ["finish_reason"] = "stop",
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply(model, prompt) },
                    }),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 11, ["completion_tokens"] = 22, ["total_tokens"] = 33 },
                };
                var bytes = Encoding.UTF8.GetBytes(response.ToJsonString());
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}/v1";

    public List<JsonNode> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
