using System.Text.Json;

namespace Inkstone.Cli.TextInput;

/// <summary>Settings for JSON Lines output: the CLI's JSON settings, one record per line.</summary>
public static class JsonLines
{
    public static JsonSerializerOptions Options { get; } = new(CliJson.Indented) { WriteIndented = false };
}
