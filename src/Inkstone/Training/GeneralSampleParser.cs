using System.Text.Json;
using Inkstone.Input;
using static Inkstone.Datasets.JsonValueKindNames;

namespace Inkstone.Training;

/// <summary>
/// Parses and validates one JSONL line of general data. The format is recognised per line by its fields
/// (<c>messages</c> → OpenAI, <c>conversations</c> → ShareGPT, <c>instruction</c>/<c>output</c> → Alpaca),
/// so a pool may mix files of different formats.
/// </summary>
public static class GeneralSampleParser
{
    public static GeneralDataRecord Parse(string line, string file, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Parse(System.Text.Encoding.UTF8.GetBytes(line), file, lineNumber);
    }

    /// <summary>Parses one line's bytes under the input policy (<see cref="JsonRecordParser"/>).</summary>
    public static GeneralDataRecord Parse(ReadOnlyMemory<byte> line, string file, int lineNumber)
    {
        var parsed = JsonRecordParser.Parse(line);
        if (parsed.Problem is { } problem)
        {
            var message = problem.Kind == JsonInputProblemKind.MalformedJson
                ? $"invalid JSON at byte {problem.ByteOffset + 1}: {problem.Message["malformed JSON: ".Length..]}"
                : $"{problem.Message} at byte {problem.ByteOffset + 1}";
            return Fail(file, lineNumber, problem.Field ?? "(line)", message);
        }

        using (var document = parsed.Document!)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(file, lineNumber, "(line)", $"expected a JSON object, found {Describe(root.ValueKind)}");
            if (root.TryGetProperty("messages", out var messages))
                return ParseOpenAi(root, messages, file, lineNumber);
            if (root.TryGetProperty("conversations", out var conversations))
                return ParseShareGpt(root, conversations, file, lineNumber);
            if (root.TryGetProperty("instruction", out _) || root.TryGetProperty("output", out _))
                return ParseAlpaca(root, file, lineNumber);
            return Fail(file, lineNumber, "(record)", "no 'messages' (OpenAI), 'conversations' (ShareGPT) or 'instruction'/'output' (Alpaca) field");
        }
    }

    private static GeneralDataRecord ParseAlpaca(JsonElement root, string file, int line)
    {
        if (!TryGetString(root, "instruction", required: true, out var instruction, out var error)
            || !TryGetString(root, "input", required: false, out var input, out error)
            || !TryGetString(root, "output", required: true, out var output, out error)
            || !TryGetString(root, "system", required: false, out var system, out error))
            return Fail(file, line, error!.Value.Field, error.Value.Message);

        var turns = new List<ChatTurn>();
        if (root.TryGetProperty("history", out var history) && history.ValueKind != JsonValueKind.Null)
        {
            if (history.ValueKind != JsonValueKind.Array)
                return Fail(file, line, "history", $"expected an array of [prompt, response] pairs, found {Describe(history.ValueKind)}");
            var index = 0;
            foreach (var pair in history.EnumerateArray())
            {
                if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                    || pair[0].ValueKind != JsonValueKind.String || pair[1].ValueKind != JsonValueKind.String)
                    return Fail(file, line, $"history[{index}]", "expected a [prompt, response] pair of strings");
                turns.Add(new ChatTurn(ChatRole.User, pair[0].GetString()!));
                turns.Add(new ChatTurn(ChatRole.Assistant, pair[1].GetString()!));
                index++;
            }
        }

        // LLaMA-Factory's alpaca convention: the human prompt is "instruction\ninput" when input is not empty.
        var prompt = string.IsNullOrEmpty(input) ? instruction! : instruction + "\n" + input;
        turns.Add(new ChatTurn(ChatRole.User, prompt));
        turns.Add(new ChatTurn(ChatRole.Assistant, output!));
        return Validate(file, line, GeneralDataFormat.Alpaca, NullIfEmpty(system), turns, field: i => i < turns.Count - 2 ? $"history[{i / 2}]" : (i % 2 == 0 ? "instruction" : "output"));
    }

    private static GeneralDataRecord ParseShareGpt(JsonElement root, JsonElement conversations, string file, int line)
    {
        if (conversations.ValueKind != JsonValueKind.Array)
            return Fail(file, line, "conversations", $"expected an array, found {Describe(conversations.ValueKind)}");
        if (!TryGetString(root, "system", required: false, out var system, out var error))
            return Fail(file, line, error!.Value.Field, error.Value.Message);

        var turns = new List<ChatTurn>();
        var offset = 0;
        var index = 0;
        foreach (var message in conversations.EnumerateArray())
        {
            var path = $"conversations[{index}]";
            if (message.ValueKind != JsonValueKind.Object)
                return Fail(file, line, path, $"expected an object, found {Describe(message.ValueKind)}");
            if (!message.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.String)
                return Fail(file, line, path + ".from", "missing or not a string");
            if (!message.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
                return Fail(file, line, path + ".value", "missing or not a string");
            var role = from.GetString() switch
            {
                "human" => ChatRole.User,
                "gpt" => ChatRole.Assistant,
                "system" when index == 0 => ChatRole.System,
                "system" => (ChatRole?)null,
                _ => null,
            };
            if (role is null)
                return Fail(file, line, path + ".from", from.GetString() == "system"
                    ? "a system message may only come first"
                    : $"unsupported role '{from.GetString()}' (expected human, gpt, or system first)");
            if (role == ChatRole.System)
            {
                if (system is not null)
                    return Fail(file, line, path, "both a 'system' field and a leading system message");
                system = value.GetString();
                offset = 1;
            }
            else
            {
                turns.Add(new ChatTurn(role.Value, value.GetString()!));
            }

            index++;
        }

        return Validate(file, line, GeneralDataFormat.ShareGpt, NullIfEmpty(system), turns, field: i => $"conversations[{i + offset}]");
    }

    private static GeneralDataRecord ParseOpenAi(JsonElement root, JsonElement messages, string file, int line)
    {
        if (messages.ValueKind != JsonValueKind.Array)
            return Fail(file, line, "messages", $"expected an array, found {Describe(messages.ValueKind)}");
        string? system = null;
        var turns = new List<ChatTurn>();
        var offset = 0;
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var path = $"messages[{index}]";
            if (message.ValueKind != JsonValueKind.Object)
                return Fail(file, line, path, $"expected an object, found {Describe(message.ValueKind)}");
            if (!message.TryGetProperty("role", out var roleElement) || roleElement.ValueKind != JsonValueKind.String)
                return Fail(file, line, path + ".role", "missing or not a string");
            if (!message.TryGetProperty("content", out var contentElement))
                return Fail(file, line, path + ".content", "missing");
            if (!TryReadOpenAiContent(contentElement, out var content, out var contentError))
                return Fail(file, line, path + ".content", contentError!);
            var roleName = roleElement.GetString();
            switch (roleName)
            {
                case "system" or "developer" when index == 0:
                    system = content;
                    offset = 1;
                    break;
                case "user":
                    turns.Add(new ChatTurn(ChatRole.User, content!));
                    break;
                case "assistant":
                    turns.Add(new ChatTurn(ChatRole.Assistant, content!));
                    break;
                case "system" or "developer":
                    return Fail(file, line, path + ".role", "a system message may only come first");
                default:
                    return Fail(file, line, path + ".role", $"unsupported role '{roleName}' (expected system first, then user and assistant)");
            }

            index++;
        }

        return Validate(file, line, GeneralDataFormat.OpenAiMessages, NullIfEmpty(system), turns, field: i => $"messages[{i + offset}]");
    }

    private static bool TryReadOpenAiContent(JsonElement content, out string? text, out string? error)
    {
        text = null;
        error = null;
        if (content.ValueKind == JsonValueKind.String)
        {
            text = content.GetString();
            return true;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            error = $"expected a string or an array of text parts, found {Describe(content.ValueKind)}";
            return false;
        }

        // Content parts: only text parts are meaningful for text SFT; their texts are concatenated in order.
        var builder = new System.Text.StringBuilder();
        var index = 0;
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object
                || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "text"
                || !part.TryGetProperty("text", out var partText) || partText.ValueKind != JsonValueKind.String)
            {
                error = $"part [{index}] is not a {{\"type\": \"text\", \"text\": ...}} part";
                return false;
            }

            builder.Append(partText.GetString());
            index++;
        }

        text = builder.ToString();
        return true;
    }

    private static GeneralDataRecord Validate(string file, int line, GeneralDataFormat format, string? system, List<ChatTurn> turns, Func<int, string> field)
    {
        if (turns.Count == 0)
            return Fail(file, line, field(0), "no user or assistant turns");
        for (var i = 0; i < turns.Count; i++)
        {
            var expected = i % 2 == 0 ? ChatRole.User : ChatRole.Assistant;
            if (turns[i].Role != expected)
                return Fail(file, line, field(i), $"expected a {Name(expected)} turn here (turns must alternate user, assistant, starting with user)");
            if (string.IsNullOrWhiteSpace(turns[i].Content))
                return Fail(file, line, field(i), $"empty {Name(turns[i].Role)} content");
        }

        if (turns.Count % 2 != 0)
            return Fail(file, line, field(turns.Count - 1), "the last turn must be an assistant turn");
        return GeneralDataRecord.Valid(new GeneralSample { SourceFile = file, Line = line, Format = format, System = system, Turns = turns });
    }

    private static bool TryGetString(JsonElement root, string name, bool required, out string? value, out (string Field, string Message)? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required) error = (name, "missing");
            return !required;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = (name, $"expected a string, found {Describe(element.ValueKind)}");
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Name(ChatRole role) => role switch
    {
        ChatRole.User => "user",
        ChatRole.Assistant => "assistant",
        _ => "system",
    };

    private static GeneralDataRecord Fail(string file, int line, string field, string message) =>
        GeneralDataRecord.Invalid(new GeneralDataIssue(file, line, field, message));
}
