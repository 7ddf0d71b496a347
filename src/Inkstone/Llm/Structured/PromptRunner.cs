using System.ClientModel;
using Inkstone.Llm.Backends;
using Inkstone.Llm.Caching;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Middleware;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Usage;
using Microsoft.Extensions.AI;
using Polly.Timeout;

namespace Inkstone.Llm.Structured;

/// <summary>
/// <see cref="IStructuredLlm"/> over the composed client pipeline. Typed calls send the result type's JSON schema as
/// <c>response_format</c> (what <c>GetResponseAsync&lt;T&gt;</c> does, with the schema built once per type), or in
/// JSON-object mode ask for JSON and write the schema into the prompt; the answer text is then extracted, deserialised
/// strictly and range-checked. An answer that fails is removed from the cache and asked for again
/// (<see cref="ModelConfiguration.InvalidAnswerRetries"/> times) before the failure is returned.
/// </summary>
public sealed class PromptRunner : IStructuredLlm
{
    private readonly IChatClientProvider _clients;
    private readonly UsageLedger _ledger;
    private readonly TimeProvider _timeProvider;

    public PromptRunner(IChatClientProvider clients, UsageLedger ledger, TimeProvider? timeProvider = null)
    {
        _clients = clients;
        _ledger = ledger;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public async Task<LlmOutcome<TResult>> RunAsync<TResult>(PromptTemplate template, IReadOnlyDictionary<string, string> variables, ModelConfiguration model, CancellationToken cancellationToken = default)
        where TResult : class, IValidatedResult
    {
        ArgumentNullException.ThrowIfNull(model);
        for (var ask = 0; ; ask++)
        {
            var outcome = await AskAsync<TResult>(template, variables, model, cancellationToken).ConfigureAwait(false);
            if (outcome.IsSuccess || ask >= model.InvalidAnswerRetries || !AskingAgainMayHelp(outcome.Failure.Kind)) return outcome;
        }
    }

    public async Task<LlmOutcome<string>> RunTextAsync(PromptTemplate template, IReadOnlyDictionary<string, string> variables, ModelConfiguration model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        for (var ask = 0; ; ask++)
        {
            var outcome = await AskTextAsync(template, variables, model, cancellationToken).ConfigureAwait(false);
            if (outcome.IsSuccess || ask >= model.InvalidAnswerRetries || !AskingAgainMayHelp(outcome.Failure.Kind)) return outcome;
        }
    }

    /// <summary>
    /// An answer that came back but cannot be used may come back right the next time (answers vary between requests);
    /// one cut at the token limit would be cut again, and transport failures had their retries already.
    /// </summary>
    private static bool AskingAgainMayHelp(LlmFailureKind kind) =>
        kind is LlmFailureKind.EmptyAnswer or LlmFailureKind.MalformedJson or LlmFailureKind.SchemaMismatch or LlmFailureKind.OutOfRange;

    private async Task<LlmOutcome<TResult>> AskAsync<TResult>(PromptTemplate template, IReadOnlyDictionary<string, string> variables, ModelConfiguration model, CancellationToken cancellationToken)
        where TResult : class, IValidatedResult
    {
        var messages = template.Render(variables);
        var options = CreateOptions(template, model);
        if (model.StructuredOutput == StructuredOutputMode.JsonSchema)
        {
            options.ResponseFormat = ResultSchema<TResult>.JsonSchemaFormat;
        }
        else
        {
            options.ResponseFormat = ChatResponseFormat.Json;
            messages = [.. messages, new ChatMessage(ChatRole.User, ResultSchema<TResult>.Instruction)];
        }
        var client = _clients.GetClient(model);
        var started = _timeProvider.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EndpointDown(e, model) is { } down)
        {
            throw down;
        }
        catch (Exception e) when (ToFailure(e, cancellationToken) is { } failure)
        {
            return new LlmOutcome<TResult>(failure, Info(model, template, null, started));
        }
        var (value, parseFailure) = StructuredAnswerParser.Parse<TResult>(response.Text, response.FinishReason == ChatFinishReason.Length);
        var info = Info(model, template, response, started);
        if (value is not null) return new LlmOutcome<TResult>(value, info);
        await ForgetAsync(client, response, model).ConfigureAwait(false);
        return new LlmOutcome<TResult>(parseFailure!, info);
    }

    private async Task<LlmOutcome<string>> AskTextAsync(PromptTemplate template, IReadOnlyDictionary<string, string> variables, ModelConfiguration model, CancellationToken cancellationToken)
    {
        var messages = template.Render(variables);
        var client = _clients.GetClient(model);
        var started = _timeProvider.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(messages, CreateOptions(template, model), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EndpointDown(e, model) is { } down)
        {
            throw down;
        }
        catch (Exception e) when (ToFailure(e, cancellationToken) is { } failure)
        {
            return new LlmOutcome<string>(failure, Info(model, template, null, started));
        }
        var info = Info(model, template, response, started);
        var text = response.Text.Trim();
        LlmFailure? problem = response.FinishReason == ChatFinishReason.Length
            ? new LlmFailure(LlmFailureKind.Truncated, "the answer stopped at the output-token limit", response.Text)
            : text.Length == 0 ? new LlmFailure(LlmFailureKind.EmptyAnswer, "the answer is empty", response.Text) : null;
        if (problem is null) return new LlmOutcome<string>(text, info);
        await ForgetAsync(client, response, model).ConfigureAwait(false);
        return new LlmOutcome<string>(problem, info);
    }

    private static ChatOptions CreateOptions(PromptTemplate template, ModelConfiguration model) => new()
    {
        ModelId = model.Model.Length > 0 ? model.Model : null,
        MaxOutputTokens = model.MaxOutputTokens,
        Temperature = model.Temperature,
        TopP = model.TopP,
        Seed = model.Seed,
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            [LlmRequestProperties.PromptId] = template.Id,
            [LlmRequestProperties.PromptVersion] = template.Version,
        },
    };

    private async Task ForgetAsync(IChatClient client, ChatResponse response, ModelConfiguration model)
    {
        _ledger.RecordInvalidAnswer(model.Name);
        if (response.AdditionalProperties?.TryGetValue(LlmRequestProperties.CacheKey, out var key) == true && key is string k
            && client.GetService<IResponseCache>() is { } cache)
            await cache.RemoveAsync(k, CancellationToken.None).ConfigureAwait(false);
    }

    private LlmCallInfo Info(ModelConfiguration model, PromptTemplate template, ChatResponse? response, long started)
    {
        var hit = response?.AdditionalProperties?.TryGetValue(LlmRequestProperties.CacheHit, out var h) == true && h is true;
        var usage = response?.Usage is { } u ? new LlmUsage(u.InputTokenCount, u.OutputTokenCount) : LlmUsage.None;
        return new LlmCallInfo(model.Name, template.Key, hit, usage, _timeProvider.GetElapsedTime(started));
    }

    /// <summary>
    /// An endpoint that cannot be reached is no failure of the item: the exception to throw instead of a diagnostic, or null.
    /// (Thrown from the catch block: an exception thrown inside a filter would be swallowed.)
    /// </summary>
    private static EndpointUnavailableException? EndpointDown(Exception e, ModelConfiguration model)
    {
        if (EndpointUnavailableException.Find(e) is { } down) return down;
        for (var x = e; x is not null; x = x.InnerException)
            if (x is HttpRequestException h && EndpointPoolHandler.IsUnreachable(h))
                return new EndpointUnavailableException(model.BaseUrl ?? new Uri("http://unknown/"), ExceptionCauses.Describe(h));
        return null;
    }

    /// <summary>The diagnostic for an exception from the pipeline; null (rethrow) for cancellation the caller asked for.</summary>
    private static LlmFailure? ToFailure(Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested && e is OperationCanceledException) return null;
        return e switch
        {
            TimeoutRejectedException => new LlmFailure(LlmFailureKind.Timeout, "every attempt timed out: " + e.Message, null),
            OperationCanceledException => new LlmFailure(LlmFailureKind.Timeout, "the request was cancelled by a timeout: " + e.Message, null),
            // Status 0: no HTTP answer at all; the cause (refused, reset, DNS, TLS) is in the inner exceptions.
            ClientResultException { Status: 0 } c => new LlmFailure(LlmFailureKind.Transport, ExceptionCauses.Describe(c), null),
            ClientResultException c => new LlmFailure(LlmFailureKind.Transport, $"HTTP {c.Status}: {Describe(c)}", null),
            HttpRequestException h => new LlmFailure(LlmFailureKind.Transport, h.StatusCode is { } s ? $"HTTP {(int)s}: {h.Message}" : ExceptionCauses.Describe(h), null),
            ArgumentException or LlmConfigurationException => null,
            _ => new LlmFailure(LlmFailureKind.Backend, $"{e.GetType().Name}: {e.Message}", null),
        };
    }

    private static string Describe(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content?.ToString();
        var text = string.IsNullOrEmpty(body) ? e.Message : body.Length > 500 ? body[..500] : body;
        // The two request features servers most often reject, with the setting that avoids each.
        if (e.Status == 400 && (text.Contains("response_format", StringComparison.OrdinalIgnoreCase) || text.Contains("json_schema", StringComparison.OrdinalIgnoreCase)))
            text += " (if the server lacks json_schema output, set structured_output: json_object or pass --no-json-schema)";
        if (e.Status == 400 && text.Contains("max_completion_tokens", StringComparison.OrdinalIgnoreCase))
            text += " (if the server reads max_tokens, set max_tokens_parameter: max_tokens or pass --max-tokens-field)";
        return text;
    }
}
