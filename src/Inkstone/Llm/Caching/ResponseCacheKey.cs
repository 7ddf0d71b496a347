using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Caching;

/// <summary>
/// The cache key: SHA-256 (hex) of a canonical JSON of model identity, prompt id and version, the rendered messages
/// (role and text) and every option that changes the answer (token limit, temperature, top-p, seed, stop sequences,
/// response format with its schema).
/// </summary>
public static class ResponseCacheKey
{
    public static string Compute(string modelIdentity, string promptId, int promptVersion, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("model", modelIdentity);
            w.WriteString("prompt_id", promptId);
            w.WriteNumber("prompt_version", promptVersion);
            w.WriteStartArray("messages");
            foreach (var m in messages)
            {
                w.WriteStartObject();
                w.WriteString("role", m.Role.Value);
                w.WriteString("text", m.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("options");
            if (options is not null)
            {
                if (options.ModelId is { } id) w.WriteString("model_id", id);
                if (options.MaxOutputTokens is { } max) w.WriteNumber("max_output_tokens", max);
                if (options.Temperature is { } t) w.WriteNumber("temperature", t);
                if (options.TopP is { } p) w.WriteNumber("top_p", p);
                if (options.Seed is { } s) w.WriteNumber("seed", s);
                if (options.StopSequences is { Count: > 0 } stops)
                {
                    w.WriteStartArray("stop");
                    foreach (var stop in stops) w.WriteStringValue(stop);
                    w.WriteEndArray();
                }
                switch (options.ResponseFormat)
                {
                    case ChatResponseFormatJson { Schema: { } schema }:
                        w.WritePropertyName("response_format_schema");
                        schema.WriteTo(w);
                        break;
                    case ChatResponseFormatJson:
                        w.WriteString("response_format", "json");
                        break;
                    case ChatResponseFormatText:
                        w.WriteString("response_format", "text");
                        break;
                }
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
