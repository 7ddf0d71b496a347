using System.Text.Json;
using Inkstone.Cli;
using Inkstone.Testing;

namespace Inkstone.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class ModelCommandTests
{
    [Fact]
    public async Task Test_ModelFlagOverridesRoleMapping_SendsToNamedModelAndPrintsJson()
    {
        await using var a = new OpenAIStubServer(_ => StubReply.Answer("{\"quality\": 3, \"creativity\": 3}"));
        await using var b = new OpenAIStubServer(_ => StubReply.Answer("{\"quality\": 9, \"creativity\": 6}"));
        var config = Path.Combine(Path.GetTempPath(), $"inkstone-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, $$"""
            { "llm": { "models": { "a": { "base_url": "{{a.BaseUrl}}", "model": "ma" }, "b": { "base_url": "{{b.BaseUrl}}", "model": "mb" } },
                       "roles": { "scoring": "a" } } }
            """, TestContext.Current.CancellationToken);
        var original = Console.Out;
        using var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            var code = await CliApp.CreateRootCommand().Parse(["model", "test", "--config", config, "--model", "b", "--format", "json"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            Console.SetOut(original);
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output.ToString());
            Assert.Equal(("b", 9, 6), (json.RootElement.GetProperty("model").GetString(), json.RootElement.GetProperty("quality").GetInt32(), json.RootElement.GetProperty("creativity").GetInt32()));
            Assert.Equal((0, 1), (a.RequestCount, b.RequestCount));
            Assert.Equal(100, json.RootElement.GetProperty("usage").GetProperty("input_tokens").GetInt64());
        }
        finally
        {
            Console.SetOut(original);
            File.Delete(config);
        }
    }
}
