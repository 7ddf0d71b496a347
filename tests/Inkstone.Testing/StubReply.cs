namespace Inkstone.Testing;

/// <summary>What the stub answers to one request: a chat completion, an HTTP error, or a hang (for timeouts).</summary>
public sealed record StubReply
{
    public int Status { get; init; } = 200;
    public string? Content { get; init; }
    public string FinishReason { get; init; } = "stop";
    public int? RetryAfterSeconds { get; init; }
    public TimeSpan Delay { get; init; }
    public int PromptTokens { get; init; } = 100;
    public int CompletionTokens { get; init; } = 10;

    public static StubReply Answer(string content, string finishReason = "stop") => new() { Content = content, FinishReason = finishReason };
    public static StubReply Error(int status, int? retryAfterSeconds = null) => new() { Status = status, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Waits this long before answering; longer than the client's attempt timeout, it is a timeout.</summary>
    public static StubReply Hang(TimeSpan delay, string content) => new() { Content = content, Delay = delay };
}
