using Inkstone.Cli;
using Inkstone.Evaluation.Generation;

namespace Inkstone.IntegrationTests.Evaluation;

/// <summary>`eval generate` against a loopback OpenAI-compatible stub server: real HTTP, the real client, the results file.</summary>
[CollectionDefinition(nameof(EvalGenerateOverHttpTests), DisableParallelization = true)]
[Collection(nameof(EvalGenerateOverHttpTests))]
public sealed class EvalGenerateOverHttpTests
{
    [Fact]
    public async Task Generate_TwoConfigurations_StoresAnswersReasoningAndUsage_ThenResumes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new OpenAiStubServer((model, prompt) => $"<think>planning for {model}</think>{model} writes: {prompt}");
        var requests = server.Requests;
        var port = server.Port;
        var dir = Path.Combine(Path.GetTempPath(), "inkstone-gen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var queries = Path.Combine(dir, "q.jsonl");
            await File.WriteAllTextAsync(queries, "{\"id\":\"zh-1\",\"language\":\"zh\",\"genre\":\"slogan\",\"query\":\"为茶馆写广告语\"}\n{\"id\":\"en-1\",\"language\":\"en\",\"genre\":\"slogan\",\"query\":\"Slogan for a tea house\"}\n", ct);
            var models = Path.Combine(dir, "models.json");
            await File.WriteAllTextAsync(models, $$"""
                {"models": [
                  {"name": "M_CW", "endpoint": "http://127.0.0.1:{{port}}/v1", "model": "cw", "temperature": 0.7, "max_output_tokens": 256},
                  {"name": "M_G", "endpoint": "http://127.0.0.1:{{port}}/v1", "model": "general", "system_prompt": "You are a writer."}
                ]}
                """, ct);
            var results = Path.Combine(dir, "gen.jsonl");
            string[] args = ["eval", "generate", "--queries", queries, "--models", models, "-o", results, "--concurrency", "2"];
            Assert.Equal(0, await CliApp.CreateRootCommand().Parse(args).InvokeAsync(cancellationToken: ct));

            var (records, problems) = await GenerationResultsFile.ReadAsync(results, ct);
            Assert.Empty(problems);
            Assert.Equal(4, records.Count);
            var r = records.Single(x => x.QueryId == "zh-1" && x.Model == "M_CW");
            Assert.Equal("cw writes: 为茶馆写广告语", r.Answer);
            Assert.Equal("planning for cw", r.Reasoning);
            Assert.Equal((11L, 22L), (r.InputTokens!.Value, r.OutputTokens!.Value));
            Assert.Equal("stop", r.FinishReason);
            var general = requests.First(b => b["model"]!.GetValue<string>() == "general");
            Assert.Equal("system", general["messages"]![0]!["role"]!.GetValue<string>());
            Assert.Equal(0.7, requests.First(b => b["model"]!.GetValue<string>() == "cw")["temperature"]!.GetValue<double>(), 6);

            // a second run finds everything present and sends nothing
            var before = requests.Count;
            Assert.Equal(0, await CliApp.CreateRootCommand().Parse(args).InvokeAsync(cancellationToken: ct));
            Assert.Equal(before, requests.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
