using System.Runtime.CompilerServices;
using System.Text;
using Inkstone.Llm.Configuration;
using LLama;
using LLama.Common;
using LLama.Sampling;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Embedded;

/// <summary>
/// An <see cref="IChatClient"/> over a GGUF model run in-process on the CPU with LLamaSharp. The model's own chat template
/// formats the messages; a JSON response format becomes a GBNF grammar (from the schema when one is given), so the
/// answer is syntactically valid JSON. One generation at a time: they share the CPU anyway.
/// </summary>
public sealed class EmbeddedChatClient : IChatClient
{
    private readonly LLamaWeights _weights;
    private readonly ModelParams _parameters;
    private readonly ModelConfiguration _model;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ChatClientMetadata _metadata;

    static EmbeddedChatClient() => LlamaNativeLog.EnsureInstalled();

    private EmbeddedChatClient(LLamaWeights weights, ModelParams parameters, ModelConfiguration model)
    {
        _weights = weights;
        _parameters = parameters;
        _model = model;
        _metadata = new ChatClientMetadata("llamasharp", null, model.Model);
    }

    /// <summary>Loads the model file; a missing or unreadable file is a configuration error naming it.</summary>
    public static EmbeddedChatClient Load(ModelConfiguration model)
    {
        var path = model.ModelPath ?? throw new LlmConfigurationException($"model '{model.Name}': model_path is required for the embedded backend");
        if (!File.Exists(path))
            throw new LlmConfigurationException($"model '{model.Name}': GGUF file not found: {path} (download one with 'inkstone model pull NAME' or pass --model-path)");
        var parameters = new ModelParams(path) { ContextSize = model.ContextSize, GpuLayerCount = 0 };
        if (model.Threads is { } threads) parameters.Threads = threads;
        try
        {
            return new EmbeddedChatClient(LLamaWeights.LoadFromFile(parameters), parameters, model);
        }
        catch (Exception e) when (e is not LlmConfigurationException)
        {
            throw new LlmConfigurationException($"model '{model.Name}': cannot load {path}: {e.Message} {LlamaNativeLog.Recent()}".TrimEnd(), e);
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = FormatPrompt(messages);
        var maxTokens = options?.MaxOutputTokens ?? _model.MaxOutputTokens ?? 512;
        var inputTokens = _weights.Tokenize(prompt, true, true, Encoding.UTF8).Length;
        if (inputTokens + maxTokens > _model.ContextSize)
            throw new InvalidOperationException(
                $"the prompt has {inputTokens} tokens and the answer may take {maxTokens}, more than the context of {_model.ContextSize} (raise context_size or shorten the input)");
        var grammar = GrammarFor(options?.ResponseFormat);
        var sampling = new DefaultSamplingPipeline
        {
            Temperature = options?.Temperature ?? _model.Temperature ?? 0f,
            Seed = (uint)((options?.Seed ?? _model.Seed ?? 42) & 0xFFFFFFFF),
            Grammar = grammar is null ? null : new Grammar(grammar, "root"),
        };
        var inference = new InferenceParams { MaxTokens = maxTokens, SamplingPipeline = sampling, AntiPrompts = [] };
        var text = new StringBuilder();
        var produced = 0;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var executor = new StatelessExecutor(_weights, _parameters);
            await foreach (var piece in executor.InferAsync(prompt, inference, cancellationToken).ConfigureAwait(false))
            {
                text.Append(piece);
                produced++;
            }
        }
        finally
        {
            _gate.Release();
            sampling.Dispose();
        }
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text.ToString()))
        {
            ModelId = _model.Model,
            FinishReason = produced >= maxTokens ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = produced, TotalTokenCount = inputTokens + produced },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>The GBNF for a response format: the schema's grammar, any JSON object, or none for text.</summary>
    internal static string? GrammarFor(ChatResponseFormat? format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } => JsonSchemaGrammar.FromSchema(schema),
        ChatResponseFormatJson => JsonSchemaGrammar.AnyJsonObject,
        _ => null,
    };

    private string FormatPrompt(IEnumerable<ChatMessage> messages)
    {
        var template = new LLamaTemplate(_weights) { AddAssistant = true };
        foreach (var m in messages) template.Add(m.Role.Value, m.Text);
        return Encoding.UTF8.GetString(template.Apply());
    }

    public void Dispose()
    {
        _weights.Dispose();
        _gate.Dispose();
    }
}
