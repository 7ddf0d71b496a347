using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Middleware;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;

namespace Inkstone.IntegrationTests.Llm;

/// <summary>The real LLamaSharp runtime on a tiny random-weight GGUF written by the test: grammar-constrained JSON every time.</summary>
public sealed class EmbeddedChatClientTests
{
    [Fact]
    public async Task RunAsync_TinyModelWithSchemaGrammar_ReturnsValidScore()
    {
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        RequiredService.Ensure(Directory.Exists(native), "LLamaSharp native runtime (" + native + ")");
        var path = Path.Combine(Path.GetTempPath(), $"inkstone-tiny-{Guid.NewGuid():N}.gguf");
        TinyGgufWriter.Write(path, seed: 7);
        try
        {
            var model = new ModelConfiguration { Name = "tiny", Backend = ModelBackend.Embedded, Model = "tiny", ModelPath = path, ContextSize = 4096, MaxOutputTokens = 64, Threads = 1 };
            var ledger = new UsageLedger();
            using var factory = new LlmClientFactory(null, ledger);
            var runner = new PromptRunner(factory, ledger);
            var template = PromptLibrary.BuiltIn.Get(PromptIds.ScreenArticle);
            for (var i = 0; i < 3; i++)
            {
                var outcome = await runner.RunAsync<ScoreResult>(template, new Dictionary<string, string> { ["article"] = $"第{i}篇：秋风起" }, model with { Seed = i }, TestContext.Current.CancellationToken);
                Assert.True(outcome.IsSuccess, outcome.ToString());
                Assert.InRange(outcome.Value.Quality, 1, 10);
                Assert.InRange(outcome.Value.Creativity, 1, 10);
                Assert.True(outcome.Call.Usage.OutputTokens > 0);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_PromptLongerThanContext_FailsAsBackendNamingTheContext()
    {
        RequiredService.Ensure(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native")), "LLamaSharp native runtime");
        var path = Path.Combine(Path.GetTempPath(), $"inkstone-tiny-{Guid.NewGuid():N}.gguf");
        TinyGgufWriter.Write(path, seed: 3);
        try
        {
            var model = new ModelConfiguration { Name = "tiny", Backend = ModelBackend.Embedded, Model = "tiny", ModelPath = path, ContextSize = 512, MaxOutputTokens = 32, Threads = 1 };
            var ledger = new UsageLedger();
            using var factory = new LlmClientFactory(null, ledger);
            var outcome = await new PromptRunner(factory, ledger).RunAsync<ScoreResult>(PromptLibrary.BuiltIn.Get(PromptIds.ScreenArticle),
                new Dictionary<string, string> { ["article"] = new string('秋', 400) }, model, TestContext.Current.CancellationToken);
            Assert.Equal(LlmFailureKind.Backend, outcome.Failure!.Kind);
            Assert.Contains("context of 512", outcome.Failure.Message, StringComparison.Ordinal);
            Assert.Equal(1, ledger.Total().Failures);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ModelTestVerb_LocalGguf_PrintsTypedResultAsJson()
    {
        RequiredService.Ensure(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native")), "LLamaSharp native runtime");
        var path = Path.Combine(Path.GetTempPath(), $"inkstone-tiny-{Guid.NewGuid():N}.gguf");
        TinyGgufWriter.Write(path, seed: 11);
        var original = Console.Out;
        using var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            var code = await Inkstone.Cli.CliApp.CreateRootCommand().Parse(["model", "test", "--model-path", path, "--format", "json"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            Console.SetOut(original);
            using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
            Assert.True(json.RootElement.GetProperty("ok").GetBoolean(), output.ToString());
            Assert.Equal(0, code);
            Assert.InRange(json.RootElement.GetProperty("quality").GetInt32(), 1, 10);
            Assert.Equal("screen.article@v1", json.RootElement.GetProperty("prompt").GetString());
        }
        finally
        {
            Console.SetOut(original);
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_EveryResultTypeGrammar_LoadsAndYieldsConformingJsonOrACutOff()
    {
        RequiredService.Ensure(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native")), "LLamaSharp native runtime");
        var path = Path.Combine(Path.GetTempPath(), $"inkstone-tiny-{Guid.NewGuid():N}.gguf");
        TinyGgufWriter.Write(path, seed: 5);
        try
        {
            var model = new ModelConfiguration { Name = "tiny", Backend = ModelBackend.Embedded, Model = "tiny", ModelPath = path, ContextSize = 4096, MaxOutputTokens = 96, Threads = 1 };
            var ledger = new UsageLedger();
            using var factory = new LlmClientFactory(null, ledger);
            var runner = new PromptRunner(factory, ledger);
            var template = new PromptTemplate { Id = "t", Version = 1, User = "输出 JSON" };
            var empty = new Dictionary<string, string>();
            var ct = TestContext.Current.CancellationToken;
            // A grammar llama.cpp cannot parse fails as Backend; a wrong grammar lets through JSON that fails as SchemaMismatch.
            // With a correct grammar a random model ends with a conforming object or is cut off at the token limit.
            LlmFailure?[] failures =
            [
                (await runner.RunAsync<RubricResult>(template, empty, model, ct)).Failure,
                (await runner.RunAsync<PairwiseVerdict>(template, empty, model, ct)).Failure,
                (await runner.RunAsync<ReasoningLabels>(template, empty, model, ct)).Failure,
                (await runner.RunAsync<UsabilityResult>(template, empty, model, ct)).Failure,
            ];
            Assert.All(failures, f => Assert.True(f is null || f.Kind is LlmFailureKind.Truncated or LlmFailureKind.OutOfRange, f?.ToString() + " raw: " + f?.RawAnswer));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
