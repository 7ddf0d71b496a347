using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Inkstone.Llm.Embedded;

/// <summary>
/// Converts the JSON schemas of Inkstone's result types to a llama.cpp GBNF grammar, so that the embedded model can only
/// emit a conforming object. Supported: objects (every listed property, in order), integers (a small minimum–maximum
/// range becomes a list of alternatives), numbers, booleans, strings and string enums, arrays. Whitespace between
/// tokens is bounded, because an unbounded whitespace rule lets a weak model pad until its token limit.
/// </summary>
public static class JsonSchemaGrammar
{
    /// <summary>Any JSON object: the grammar for JSON mode without a schema.</summary>
    public const string AnyJsonObject = """
        root   ::= object
        value  ::= object | array | string | number | ("true" | "false" | "null")
        object ::= "{" ws ( string ws ":" ws value ( ws "," ws string ws ":" ws value )* )? ws "}"
        array  ::= "[" ws ( value ( ws "," ws value )* )? ws "]"
        string ::= "\"" ( [^"\\\x00-\x1F] | "\\" ( ["\\/bfnrt] | "u" [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] ) )* "\""
        number ::= "-"? ( "0" | [1-9] [0-9]{0,15} ) ( "." [0-9]{1,15} )? ( [eE] [-+]? [0-9]{1,3} )?
        ws     ::= [ \t\n]{0,4}
        """;

    private const int MaxEnumeratedRange = 200;

    public static string FromSchema(JsonElement schema)
    {
        var rules = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var root = Visit(schema, "root", rules, names, schema);
        var sb = new StringBuilder();
        if (root != "root") sb.Append("root ::= ").Append(root).Append('\n');
        foreach (var rule in rules) sb.Append(rule).Append('\n');
        sb.Append("""
            string-char ::= [^"\\\x00-\x1F] | "\\" ( ["\\/bfnrt] | "u" [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] )
            ws ::= [ \t\n]{0,4}
            """).Append('\n');
        return sb.ToString();
    }

    private static string Visit(JsonElement schema, string name, List<string> rules, HashSet<string> names, JsonElement document)
    {
        if (schema.TryGetProperty("$ref", out var reference)) return Visit(Resolve(document, reference.GetString()!), name, rules, names, document);
        if (schema.TryGetProperty("enum", out var enumValues))
            return Define(name, string.Join(" | ", enumValues.EnumerateArray().Select(v => Literal(v.GetRawText()))), rules, names);
        var type = TypeOf(schema);
        switch (type)
        {
            case "object":
            {
                var parts = new List<string> { Literal("{"), "ws" };
                var first = true;
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var p in properties.EnumerateObject())
                    {
                        if (!first) parts.AddRange(["ws", Literal(","), "ws"]);
                        first = false;
                        var valueRule = Visit(p.Value, $"{name}-{Sanitize(p.Name)}", rules, names, document);
                        parts.AddRange([Literal(JsonSerializer.Serialize(p.Name)), "ws", Literal(":"), "ws", valueRule]);
                    }
                }
                parts.AddRange(["ws", Literal("}")]);
                return Define(name, string.Join(" ", parts), rules, names);
            }
            case "array":
            {
                var item = schema.TryGetProperty("items", out var items) ? Visit(items, name + "-item", rules, names, document) : Visit(default, name + "-item", rules, names, document);
                var min = schema.TryGetProperty("minItems", out var m) ? m.GetInt32() : 0;
                var list = $"{item} ( ws \",\" ws {item} )*";
                return Define(name, $"\"[\" ws {(min > 0 ? list : $"( {list} )?")} ws \"]\"", rules, names);
            }
            case "integer":
            {
                var hasMin = TryGetNumber(schema, "minimum", out var min);
                var hasMax = TryGetNumber(schema, "maximum", out var max);
                if (hasMin && hasMax && max >= min && max - min < MaxEnumeratedRange)
                {
                    var alternatives = new List<string>();
                    for (var v = (long)Math.Ceiling(min); v <= (long)Math.Floor(max); v++) alternatives.Add(Literal(v.ToString(CultureInfo.InvariantCulture)));
                    return Define(name, string.Join(" | ", alternatives), rules, names);
                }
                return Define(name, "\"-\"? ( \"0\" | [1-9] [0-9]{0,17} )", rules, names);
            }
            case "number":
                return Define(name, "\"-\"? ( \"0\" | [1-9] [0-9]{0,15} ) ( \".\" [0-9]{1,15} )?", rules, names);
            case "boolean":
                return Define(name, "\"true\" | \"false\"", rules, names);
            case "string":
                return Define(name, "\"\\\"\" string-char* \"\\\"\"", rules, names);
            default:
                throw new NotSupportedException($"JSON schema type '{type ?? "(none)"}' at '{name}' has no grammar; result types must be objects of integers, numbers, booleans, strings, enums and arrays");
        }
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        // ["integer", "null"] and the like: the non-null member; Inkstone's results never hold nulls.
        return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null");
    }

    private static bool TryGetNumber(JsonElement schema, string property, out double value)
    {
        value = 0;
        if (!schema.TryGetProperty(property, out var e)) return false;
        if (e.ValueKind == JsonValueKind.Number) { value = e.GetDouble(); return true; }
        return e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static JsonElement Resolve(JsonElement document, string reference)
    {
        if (!reference.StartsWith('#')) throw new NotSupportedException($"external schema reference '{reference}'");
        var node = document;
        foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        return node;
    }

    private static string Define(string name, string body, List<string> rules, HashSet<string> names)
    {
        var unique = name;
        for (var i = 2; !names.Add(unique); i++) unique = $"{name}{i}";
        rules.Add($"{unique} ::= {body}");
        return unique;
    }

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        return sb.ToString();
    }

    /// <summary>A GBNF string literal matching <paramref name="text"/> exactly.</summary>
    private static string Literal(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
