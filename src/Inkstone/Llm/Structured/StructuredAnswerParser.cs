using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inkstone.Llm.Structured;

/// <summary>Turns a raw answer into a validated <typeparamref name="TResult"/> or a failure naming what was wrong.</summary>
public static class StructuredAnswerParser
{
    /// <summary>Strict reading: required members must be present, nulls are refused, numbers must be JSON numbers.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The value, or (null, failure). <paramref name="truncated"/> says the backend stopped at its token limit.</summary>
    public static (TResult? Value, LlmFailure? Failure) Parse<TResult>(string? answer, bool truncated = false)
        where TResult : class, IValidatedResult
    {
        if (string.IsNullOrWhiteSpace(answer))
            return (null, new LlmFailure(truncated ? LlmFailureKind.Truncated : LlmFailureKind.EmptyAnswer, "the answer is empty", answer));
        var json = JsonAnswerExtractor.Extract(answer);
        if (json is null)
            return (null, new LlmFailure(truncated ? LlmFailureKind.Truncated : LlmFailureKind.MalformedJson,
                truncated ? "the answer stopped at the token limit before a complete JSON object" : "no complete JSON object in the answer", answer));
        TResult? value;
        try
        {
            value = JsonSerializer.Deserialize<TResult>(json, SerializerOptions);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } p ? $" at {p}" : "";
            return (null, new LlmFailure(LlmFailureKind.SchemaMismatch, $"JSON does not fit {typeof(TResult).Name}{where}: {FirstSentence(e.Message)}", answer));
        }
        if (value is null) return (null, new LlmFailure(LlmFailureKind.SchemaMismatch, "the JSON value is null", answer));
        var errors = value.Validate();
        return errors.Count > 0
            ? (null, new LlmFailure(LlmFailureKind.OutOfRange, string.Join("; ", errors), answer))
            : (value, null);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
