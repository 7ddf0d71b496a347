using Inkstone.Llm;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
using Inkstone.Testing;

namespace Inkstone.Tests.Llm;

public sealed class LlmSessionTests
{
    [Fact]
    public async Task Session_WithWorkspace_CachesAcrossSessionsAndRecordsUsagePerRun()
    {
        var dir = Directory.CreateTempSubdirectory("inkstone-session-");
        await using var server = new OpenAIStubServer(_ => StubReply.Answer("{\"quality\": 9, \"creativity\": 8}"));
        try
        {
            var ct = TestContext.Current.CancellationToken;
            var db = Path.Combine(dir.FullName, "workspace.db");
            var settings = LlmSettingsLoader.Parse($$"""
                { "llm": { "models": { "api": { "backend": "openai", "base_url": "{{server.BaseUrl}}", "model": "m" } }, "roles": { "scoring": "api" } } }
                """, "inkstone.json");
            var variables = new Dictionary<string, string> { ["query"] = "写秋", ["article"] = "秋风起" };
            for (var run = 1; run <= 2; run++)
            {
                await using var session = await LlmSession.OpenAsync(settings, db, cancellationToken: ct);
                var outcome = await session.Runner.RunAsync<ScoreResult>(session.Prompt(PromptIds.ScoreArticle), variables, session.Model(ModelRoles.Scoring), ct);
                Assert.Equal(9, outcome.Value!.Quality);
                await session.SaveUsageAsync($"run-{run}", ct);
            }
            await using var reader = await LlmSession.OpenAsync(settings, db, cancellationToken: ct);
            Assert.Equal(1, server.RequestCount);
            Assert.Equal(0, Assert.Single(await reader.UsageStore!.LoadAsync("run-1", ct)).CacheHits);
            Assert.Equal(1, Assert.Single(await reader.UsageStore!.LoadAsync("run-2", ct)).CacheHits);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
