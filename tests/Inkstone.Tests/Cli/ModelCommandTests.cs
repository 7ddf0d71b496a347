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

    [Fact]
    public async Task Pull_UnknownName_IsAUsageErrorListingTheKnownOnes()
    {
        var result = await CliRunner.RunAsync("model", "pull", "no-such-model");
        Assert.Equal(2, result.Exit);
        Assert.StartsWith("error: unknown model 'no-such-model'; known: qwen2.5-0.5b-instruct", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pull", "--config --format --output --sha256")]
    [InlineData("list", "--config --format")]
    public void ListAndPull_TakeOnlyTheOptionsTheyUse(string verb, string expected)
    {
        var command = CliApp.CreateRootCommand().Subcommands.Single(c => c.Name == "model").Subcommands.Single(c => c.Name == verb);
        Assert.Equal(expected.Split(' '), command.Options.Select(o => o.Name).Where(n => n is not ("--verbose" or "--help")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pull_OutputInAMissingFolder_IsRejectedBeforeDownloading()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"inkstone-{Guid.NewGuid():N}", "models");
        var result = await CliRunner.RunAsync("model", "pull", "qwen2.5-0.5b-instruct", "-o", missing);
        Assert.Equal(2, result.Exit);
        Assert.Contains("error: " + missing + ": folder ", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list", "--config")]
    [InlineData("pull", "--config")]
    [InlineData("test", "--config")]
    [InlineData("test", "--model-path")]
    public async Task MissingConfigOrModelPath_IsOneErrorNamingIt(string verb, string option)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"inkstone-{Guid.NewGuid():N}.json");
        string[] name = verb == "pull" ? ["qwen2.5-0.5b-instruct"] : [];
        var result = await CliRunner.RunAsync(["model", verb, .. name, option, missing]);
        Assert.Equal(2, result.Exit);
        Assert.Equal($"error: {missing}: no such file", result.Errors.Split('\n')[0]);
    }

    [Theory]
    [InlineData("csv", "qwen2.5-0.5b-instruct,Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf,")]
    [InlineData("md", "| pull NAME | repository / file | description |")]
    public async Task List_TableFormats_IncludeTheCatalogue(string format, string expected)
    {
        var result = await CliRunner.RunAsync("model", "list", "--format", format);
        Assert.Equal(0, result.Exit);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taxonomy_Csv_HasOneRowPerGenre()
    {
        var result = await CliRunner.RunAsync("taxonomy", "--format", "csv");
        Assert.Equal(0, result.Exit);
        Assert.Contains("category,genre id,中文,English,aliases", result.Output, StringComparison.Ordinal);
        Assert.Equal(51, result.Output.Split('\n').Count(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("category,", StringComparison.Ordinal)));
    }
}
