using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inkstone.Cli;

/// <summary>JSON settings for machine-readable output: Chinese is written as is, not escaped.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Indented { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
