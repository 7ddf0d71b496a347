using Inkstone.Llm.Embedded;
using Inkstone.Llm.Structured;
using Microsoft.Extensions.AI;

namespace Inkstone.Tests.Llm;

public sealed class JsonSchemaGrammarTests
{
    [Fact]
    public void FromSchema_ScoreResult_EnumeratesOneToTenAndOrdersFields()
    {
        var gbnf = JsonSchemaGrammar.FromSchema(AIJsonUtilities.CreateJsonSchema(typeof(ScoreResult), serializerOptions: StructuredAnswerParser.SerializerOptions));
        Assert.Contains("root-quality ::= \"1\" | \"2\" | \"3\" | \"4\" | \"5\" | \"6\" | \"7\" | \"8\" | \"9\" | \"10\"", gbnf, StringComparison.Ordinal);
        Assert.True(gbnf.IndexOf("\\\"quality\\\"", StringComparison.Ordinal) < gbnf.IndexOf("\\\"creativity\\\"", StringComparison.Ordinal));
        Assert.Contains("ws ::= [ \\t\\n]{0,4}", gbnf, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSchema_ReasoningLabels_HasBehaviourAlternativesAndArray()
    {
        var gbnf = JsonSchemaGrammar.FromSchema(AIJsonUtilities.CreateJsonSchema(typeof(ReasoningLabels), serializerOptions: StructuredAnswerParser.SerializerOptions));
        foreach (var b in new[] { "normal_writing", "deep_reasoning", "self_exploration", "self_reflection" })
            Assert.Contains($"\"\\\"{b}\\\"\"", gbnf, StringComparison.Ordinal);
        Assert.Contains("\"[\"", gbnf, StringComparison.Ordinal);
    }
}
