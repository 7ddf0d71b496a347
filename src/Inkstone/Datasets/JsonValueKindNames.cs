using System.Text.Json;

namespace Inkstone.Datasets;

/// <summary>How problem messages name the kind of a JSON value ("found an array"), alike for every reader.</summary>
internal static class JsonValueKindNames
{
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
