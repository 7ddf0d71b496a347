using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inkstone.Input;

/// <summary>Locating a problem inside a rejected record: these walks run only when a record is rejected.</summary>
public static partial class JsonRecordParser
{
    /// <summary>The path of the value at <paramref name="offset"/> (as far as the record can be read up to it), or null.</summary>
    internal static string? FieldAt(ReadOnlySpan<byte> record, int offset)
    {
        var path = new JsonPathTracker();
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenStartIndex > offset) break;
                path.Step(ref reader);
                if (reader.TokenType is JsonTokenType.String && reader.TokenStartIndex + reader.ValueSpan.Length + 2 > offset) break;
            }
        }
        catch (JsonException)
        {
            // The reader stops at the bad byte; the path walked so far names the field it is in.
        }
        catch (InvalidOperationException)
        {
        }
        return path.Current;
    }

    /// <summary>The first key named twice in one object, walked with a reader that keeps the names of each open object.</summary>
    public static JsonInputProblem? FindDuplicateKey(ReadOnlySpan<byte> record, int maxDepth)
    {
        var path = new JsonPathTracker();
        var names = new Stack<HashSet<string>?>();
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: names.Push(new HashSet<string>(StringComparer.Ordinal)); break;
                    case JsonTokenType.StartArray: names.Push(null); break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray: names.Pop(); break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!names.Peek()!.Add(name))
                        {
                            path.Step(ref reader);
                            return new JsonInputProblem(JsonInputProblemKind.DuplicateKey, path.Current,
                                $"duplicate key '{name}' in one object", (int)reader.TokenStartIndex);
                        }
                        break;
                }
                path.Step(ref reader);
            }
        }
        catch (JsonException)
        {
            // Malformed before any duplicate: the caller reports the syntax error.
        }
        catch (InvalidOperationException)
        {
        }
        return null;
    }

    /// <summary>System.Text.Json appends positions relative to the record; readers report file positions instead.</summary>
    public static string CleanJsonMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonPositionSuffix().Replace(message, "").Trim();
    }

    [GeneratedRegex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPositionSuffix();

    /// <summary>Follows a reader through a record and spells the path of the current value.</summary>
    private sealed class JsonPathTracker
    {
        private readonly List<(bool IsArray, int Index, string? Name)> _frames = [];
        private string? _pendingName;

        public string? Current
        {
            get
            {
                var sb = new StringBuilder();
                foreach (var (isArray, index, name) in _frames)
                {
                    if (isArray && index >= 0) sb.Append('[').Append(index).Append(']');
                    else if (!isArray && name is not null) sb.Append(sb.Length > 0 ? "." : "").Append(name);
                }
                if (_pendingName is not null) sb.Append(sb.Length > 0 ? "." : "").Append(_pendingName);
                return sb.Length == 0 ? null : sb.ToString();
            }
        }

        public void Step(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (_frames.Count > 0 && !_frames[^1].IsArray) _frames[^1] = (false, -1, null);
                    _pendingName = reader.GetString();
                    return;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Enter();
                    _frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                    return;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (_frames.Count > 0) _frames.RemoveAt(_frames.Count - 1);
                    _pendingName = null;
                    return;
                default:
                    Enter();
                    return;
            }
        }

        /// <summary>A value starts: it takes the pending name (in an object) or the next index (in an array).</summary>
        private void Enter()
        {
            if (_frames.Count == 0) return;
            var (isArray, index, _) = _frames[^1];
            _frames[^1] = isArray ? (true, index + 1, null) : (false, -1, _pendingName);
            _pendingName = null;
        }
    }
}
