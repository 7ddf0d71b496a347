using System.Text.Json;

namespace Inkstone.Tests.Training;

/// <summary>
/// Reads an exported dataset directory the way LLaMA-Factory's data/README.md documents it, independently of the
/// exporter: dataset_info.json entries (file_name, formatting alpaca|sharegpt, columns with their defaults, tags with
/// their defaults), then every record of every file. Fails the test on any departure; returns the conversations.
/// </summary>
internal static class LlamaFactoryDatasetChecker
{
    public sealed record Conversation(string? Id, string? System, List<(string Role, string Content)> Turns);

    public static Dictionary<string, List<Conversation>> Load(string datasetDir)
    {
        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(datasetDir, "dataset_info.json")));
        Assert.Equal(JsonValueKind.Object, info.RootElement.ValueKind);
        var result = new Dictionary<string, List<Conversation>>(StringComparer.Ordinal);
        foreach (var entry in info.RootElement.EnumerateObject())
        {
            var attr = entry.Value;
            var fileName = attr.GetProperty("file_name").GetString()!;
            var path = Path.Combine(datasetDir, fileName);
            Assert.True(File.Exists(path), $"{entry.Name}: file_name {fileName} does not exist");
            var formatting = attr.TryGetProperty("formatting", out var f) ? f.GetString() : "alpaca";
            Assert.Contains(formatting, new[] { "alpaca", "sharegpt" });
            var columns = attr.TryGetProperty("columns", out var c) ? c : default;
            string? Column(string name, string? fallback) =>
                columns.ValueKind == JsonValueKind.Object && columns.TryGetProperty(name, out var v) ? v.GetString() : fallback;
            var tags = attr.TryGetProperty("tags", out var t) ? t : default;
            string Tag(string name, string fallback) =>
                tags.ValueKind == JsonValueKind.Object && tags.TryGetProperty(name, out var v) ? v.GetString()! : fallback;
            if (formatting == "alpaca") Assert.Equal(JsonValueKind.Undefined, tags.ValueKind);

            var conversations = new List<Conversation>();
            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                using var record = JsonDocument.Parse(line);
                var row = record.RootElement;
                Assert.Equal(JsonValueKind.Object, row.ValueKind);
                var id = row.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
                string? system = null;
                var systemColumn = Column("system", null);
                if (systemColumn is not null)
                {
                    // A declared column must be a string in every row (datasets would load a missing one as null).
                    Assert.True(row.TryGetProperty(systemColumn, out var s) && s.ValueKind == JsonValueKind.String, $"{fileName}:{lineNumber}: system column missing");
                    system = s.GetString() is { Length: > 0 } text ? text : null;
                }

                var turns = new List<(string Role, string Content)>();
                if (formatting == "sharegpt")
                {
                    var roleTag = Tag("role_tag", "from");
                    var contentTag = Tag("content_tag", "value");
                    var userTag = Tag("user_tag", "human");
                    var assistantTag = Tag("assistant_tag", "gpt");
                    var systemTag = Tag("system_tag", "system");
                    var messages = row.GetProperty(Column("messages", "conversations")!).EnumerateArray().ToList();
                    var start = 0;
                    if (messages.Count > 0 && messages[0].GetProperty(roleTag).GetString() == systemTag)
                    {
                        system = messages[0].GetProperty(contentTag).GetString();
                        start = 1;
                    }

                    Assert.True((messages.Count - start) % 2 == 0 && messages.Count - start >= 2, $"{fileName}:{lineNumber}: message count");
                    for (var i = start; i < messages.Count; i++)
                    {
                        // Documented: human (user) at odd positions, gpt (assistant) at even positions.
                        var role = messages[i].GetProperty(roleTag).GetString();
                        var expected = (i - start) % 2 == 0 ? userTag : assistantTag;
                        Assert.True(role == expected, $"{fileName}:{lineNumber}: message {i} has role {role}, expected {expected}");
                        Assert.Equal(2, messages[i].EnumerateObject().Count());
                        turns.Add((role == userTag ? "user" : "assistant", messages[i].GetProperty(contentTag).GetString()!));
                    }
                }
                else
                {
                    var historyColumn = Column("history", null);
                    if (historyColumn is not null)
                    {
                        foreach (var pair in row.GetProperty(historyColumn).EnumerateArray())
                        {
                            Assert.Equal(2, pair.GetArrayLength());
                            turns.Add(("user", pair[0].GetString()!));
                            turns.Add(("assistant", pair[1].GetString()!));
                        }
                    }

                    var prompt = row.GetProperty(Column("prompt", "instruction")!).GetString()!;
                    var query = row.GetProperty(Column("query", "input")!).GetString()!;
                    // Documented: the human prompt is "instruction\ninput" when input is given.
                    turns.Add(("user", query.Length > 0 ? prompt + "\n" + query : prompt));
                    turns.Add(("assistant", row.GetProperty(Column("response", "output")!).GetString()!));
                }

                conversations.Add(new Conversation(id, system, turns));
            }

            result[entry.Name] = conversations;
        }

        return result;
    }

    /// <summary>Reads the flat <c>key: value</c> lines of a training YAML (comments and section headers skipped).</summary>
    public static Dictionary<string, string> ReadYaml(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            Assert.True(colon > 0, $"not a key: value line: {line}");
            Assert.True(values.TryAdd(line[..colon], line[(colon + 2)..]), $"duplicate key {line[..colon]}");
        }

        return values;
    }
}
