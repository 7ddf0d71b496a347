using Inkstone.IntegrationTests.Infrastructure;
using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Middleware;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;

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
}
