using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Inkstone.Configuration;

/// <summary>
/// Finds the keys of a JSON document that the target type does not read, at any depth, with the path of each and a
/// "did you mean" when a known key is close: a misspelled setting is an error, never a silently applied default.
/// Properties typed <see cref="JsonElement"/> are sections another module reads and checks; they are not entered.
/// </summary>
public static class UnknownKeyFinder
{
    public static IReadOnlyList<string> Find<T>(JsonElement document, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        var problems = new List<string>();
        Walk(document, options.GetTypeInfo(typeof(T)), "", options, problems);
        return problems;
    }

    private static void Walk(JsonElement element, JsonTypeInfo info, string path, JsonSerializerOptions options, List<string> problems)
    {
        if (info.Kind != JsonTypeInfoKind.Object || element.ValueKind != JsonValueKind.Object) return;
        var known = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var where = path.Length == 0 ? property.Name : path + "." + property.Name;
            if (!known.TryGetValue(property.Name, out var target))
            {
                problems.Add($"{where}: unknown setting{NameSuggestion.Hint(property.Name, known.Keys)}");
                continue;
            }
            var type = Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType;
            if (type == typeof(JsonElement)) continue;
            Walk(property.Value, options.GetTypeInfo(type), where, options, problems);
        }
    }
}
