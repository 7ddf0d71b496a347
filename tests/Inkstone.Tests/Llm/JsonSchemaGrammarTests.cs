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

    [Fact]
    public void FromSchema_InitialAssessmentResult_EnumeratesOneToTenForEachDimensionInOrder()
    {
        var gbnf = JsonSchemaGrammar.FromSchema(AIJsonUtilities.CreateJsonSchema(typeof(InitialAssessmentResult), serializerOptions: StructuredAnswerParser.SerializerOptions));
        string[] fields = ["content_completeness", "format_standardization", "error_correction", "logical_consistency", "creativity", "reason"];
        foreach (var f in fields[..5])
            Assert.Contains($"root-{f.Replace('_', '-')} ::= \"1\" | \"2\" | \"3\" | \"4\" | \"5\" | \"6\" | \"7\" | \"8\" | \"9\" | \"10\"", gbnf, StringComparison.Ordinal);
        var positions = fields.Select(f => gbnf.IndexOf($"\\\"{f}\\\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    public static TheoryData<Type> ResultTypes() =>
        [.. typeof(IValidatedResult).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IValidatedResult).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void FromSchema_EveryResultType_HasGrammar(Type resultType)
    {
        var gbnf = JsonSchemaGrammar.FromSchema(AIJsonUtilities.CreateJsonSchema(resultType, serializerOptions: StructuredAnswerParser.SerializerOptions));
        Assert.Contains("\nroot ::= ", "\n" + gbnf, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultTypes_IncludeInitialAssessment() => Assert.Contains(typeof(InitialAssessmentResult), ResultTypes().Select(r => r.Data));
}
