using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Structured;

/// <summary>
/// The JSON schema of a result type, built once per type (schema generation is reflection work that a batch of
/// thousands of calls should not repeat), with the response format and the prompt instruction derived from it.
/// </summary>
internal static class ResultSchema<TResult> where TResult : class, IValidatedResult
{
    public static JsonElement Schema { get; } = AIJsonUtilities.CreateJsonSchema(typeof(TResult), serializerOptions: StructuredAnswerParser.SerializerOptions);

    /// <summary><c>response_format: json_schema</c> for servers that support it.</summary>
    public static ChatResponseFormat JsonSchemaFormat { get; } = ChatResponseFormat.ForJsonSchema(Schema, typeof(TResult).Name);

    /// <summary>For JSON-object mode: the schema, spelled out in the prompt because the server will not enforce it.</summary>
    public static string Instruction { get; } = "只输出一个符合以下 JSON Schema 的 JSON 对象，不要输出其他内容：\n" + Schema.GetRawText();
}
