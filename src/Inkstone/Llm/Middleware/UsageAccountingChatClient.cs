using Inkstone.Llm.Usage;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Middleware;

/// <summary>Outermost layer: records every call, whether the cache answered it, its tokens, and calls that threw.</summary>
public sealed class UsageAccountingChatClient : DelegatingChatClient
{
    private readonly UsageLedger _ledger;
    private readonly string _model;

    public UsageAccountingChatClient(IChatClient innerClient, UsageLedger ledger, string model) : base(innerClient)
    {
        _ledger = ledger;
        _model = model;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch
        {
            _ledger.RecordFailedCall(_model);
            throw;
        }
        var hit = response.AdditionalProperties?.TryGetValue(LlmRequestProperties.CacheHit, out var h) == true && h is true;
        _ledger.RecordCall(_model, hit, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
        return response;
    }
}
