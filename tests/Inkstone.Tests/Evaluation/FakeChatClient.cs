using Microsoft.Extensions.AI;

namespace Inkstone.Tests.Evaluation;

/// <summary>A hand-written chat client: answers each request with the function's reply (or its exception) and records the prompts.</summary>
internal sealed class FakeChatClient(Func<string, ChatResponse> reply) : IChatClient
{
    private readonly Lock _lock = new();

    public List<string> Prompts { get; } = [];

    public static FakeChatClient Text(Func<string, string> reply) => new(p => new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(p))));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = messages.Last().Text;
        lock (_lock) Prompts.Add(prompt);
        return Task.FromResult(reply(prompt));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the evaluation code does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
