using System.Text.Json.Nodes;

namespace Inkstone.Llm.Backends;

/// <summary>
/// For servers that read only <c>max_tokens</c>: renames the OpenAI client's <c>max_completion_tokens</c> in the JSON
/// body of chat-completion requests. Sits outside the retry handler, so the body is rewritten once per call.
/// </summary>
public sealed class MaxTokensRewritingHandler : DelegatingHandler
{
    private static readonly System.Text.Json.JsonSerializerOptions s_options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public MaxTokensRewritingHandler(HttpMessageHandler innerHandler) : base(innerHandler) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && request.Method == HttpMethod.Post)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            if (JsonNode.Parse(buffer) is JsonObject json && json.Remove("max_completion_tokens", out var value))
            {
                json["max_tokens"] = value;
                var rewritten = new StringContent(json.ToJsonString(s_options), System.Text.Encoding.UTF8, "application/json");
                foreach (var header in content.Headers.Where(h => !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
                    rewritten.Headers.TryAddWithoutValidation(header.Key, header.Value);
                request.Content = rewritten;
                content.Dispose();
            }
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
