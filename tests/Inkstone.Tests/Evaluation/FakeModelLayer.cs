using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
using Inkstone.Llm.Usage;
using Microsoft.Extensions.AI;

namespace Inkstone.Tests.Evaluation;

/// <summary>The model layer's real <see cref="PromptRunner"/> and built-in prompts over a hand-written chat client, for judge tests.</summary>
internal sealed class FakeModelLayer : IChatClientProvider
{
    public FakeModelLayer(FakeChatClient client)
    {
        Client = client;
        Runner = new PromptRunner(this, Ledger);
    }

    public FakeChatClient Client { get; }
    public UsageLedger Ledger { get; } = new();
    public PromptRunner Runner { get; }
    // One request per answer: these tests count requests, and an unusable answer is not asked for again.
    public ModelConfiguration Model { get; } = new() { Name = "fake-judge", Model = "fake", InvalidAnswerRetries = 0 };

    public static FakeModelLayer Text(Func<string, string> reply) => new(FakeChatClient.Text(reply));

    public static PromptTemplate Prompt(string id) => PromptLibrary.BuiltIn.Get(id);

    public IChatClient GetClient(ModelConfiguration model) => Client;
}
