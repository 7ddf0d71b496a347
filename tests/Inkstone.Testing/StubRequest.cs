using System.Text.Json;

namespace Inkstone.Testing;

/// <summary>One chat-completion request as the stub saw it: its arrival number, raw JSON body and the last user message.</summary>
public sealed record StubRequest(int Sequence, string Path, string Body, string? Authorization)
{
    public string LastUserText
    {
        get
        {
            using var json = JsonDocument.Parse(Body);
            var text = "";
            foreach (var m in json.RootElement.GetProperty("messages").EnumerateArray())
                if (m.GetProperty("role").GetString() == "user") text = ContentText(m.GetProperty("content"));
            return text;
        }
    }

    /// <summary>The text of every message, in order, one per line.</summary>
    public string AllText
    {
        get
        {
            using var json = JsonDocument.Parse(Body);
            return string.Join('\n', json.RootElement.GetProperty("messages").EnumerateArray().Select(m => ContentText(m.GetProperty("content"))));
        }
    }

    public JsonDocument Json() => JsonDocument.Parse(Body);

    private static string ContentText(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Where(p => p.TryGetProperty("text", out _)).Select(p => p.GetProperty("text").GetString()));
}
