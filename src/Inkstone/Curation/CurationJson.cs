using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inkstone.Curation;

/// <summary>JSON settings for artifacts, exports and exchange files: snake_case names, Chinese written as is.</summary>
public static class CurationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
