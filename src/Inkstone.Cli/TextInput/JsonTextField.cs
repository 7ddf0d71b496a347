using System.Text.Json;

namespace Inkstone.Cli.TextInput;

/// <summary>
/// Reads the text (and optionally an id) of one JSON Lines record under the input policy of docs/cli.md: invalid JSON,
/// a duplicate key, a missing or non-string field and a lone surrogate escape each give a problem naming the field.
/// </summary>
public static class JsonTextField
{
    private static readonly JsonDocumentOptions s_options = new() { AllowDuplicateProperties = false };

    /// <returns>The text and id, or a problem (without location: the caller adds file and line).</returns>
    public static (string? Text, string? Id, string? Problem) Read(string line, string field, string? idField = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, s_options);
        }
        catch (JsonException e) when (e.Message.Contains("uplicate", StringComparison.Ordinal))
        {
            return (null, null, "duplicate key: " + e.Message);
        }
        catch (JsonException e)
        {
            return (null, null, "invalid JSON: " + e.Message);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null, "record is not a JSON object");
            if (!root.TryGetProperty(field, out var value)) return (null, null, $"field '{field}' is missing");
            if (value.ValueKind != JsonValueKind.String) return (null, null, $"field '{field}' is {value.ValueKind}, not a string");
            if (ReadString(value) is not { } text) return (null, null, LoneSurrogate(field));
            string? id = null;
            if (idField is not null && root.TryGetProperty(idField, out var idValue))
            {
                id = idValue.ValueKind == JsonValueKind.String ? ReadString(idValue) : idValue.GetRawText();
                if (id is null) return (null, null, LoneSurrogate(idField));
            }
            return (text, id, null);
        }
    }

    private static string LoneSurrogate(string field) => $"field '{field}' holds a lone surrogate (such as \\ud800), not text";

    /// <summary>The string, or null when it holds an unpaired surrogate escape (System.Text.Json refuses to decode it).</summary>
    private static string? ReadString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
