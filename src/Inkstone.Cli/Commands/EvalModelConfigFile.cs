using System.ClientModel;
using System.Text.Json;
using Inkstone.Evaluation.Generation;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Inkstone.Cli.Commands;

/// <summary>
/// Named model configurations for `eval generate` and `eval judge`, from a JSON file:
/// <c>{"models": [{"name": "M_CW+10k", "endpoint": "http://localhost:8000/v1", "model": "cw-10k", "api_key_env": "OPENAI_API_KEY",
/// "temperature": 0.7, "top_p": 0.95, "max_output_tokens": 4096, "system_prompt": null}]}</c>. Every endpoint is an
/// OpenAI-compatible server (vLLM, SGLang, llama.cpp server, Ollama /v1, hosted APIs).
/// </summary>
internal static class EvalModelConfigFile
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed record Entry(string Name, string Endpoint, string Model, string? ApiKeyEnv, float? Temperature, float? TopP, int? MaxOutputTokens, string? SystemPrompt);

    private sealed record FileShape(List<Entry> Models);

    public static IReadOnlyList<GenerationModel> Load(string path)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path), s_json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
        if (shape?.Models is not { Count: > 0 }) throw new FormatException($"{path}: field 'models': missing or empty");
        var result = new List<GenerationModel>();
        for (var i = 0; i < shape.Models.Count; i++)
        {
            var e = shape.Models[i];
            var where = $"{path}: models[{i}]";
            if (string.IsNullOrWhiteSpace(e.Name)) throw new FormatException($"{where}: field 'name': missing");
            if (!Uri.TryCreate(e.Endpoint, UriKind.Absolute, out var endpoint)) throw new FormatException($"{where}: field 'endpoint': not an absolute URL");
            if (string.IsNullOrWhiteSpace(e.Model)) throw new FormatException($"{where}: field 'model': missing");
            var key = e.ApiKeyEnv is null ? "unused" : Environment.GetEnvironmentVariable(e.ApiKeyEnv)
                ?? throw new FormatException($"{where}: environment variable {e.ApiKeyEnv} (api_key_env) is not set");
            var client = new OpenAI.Chat.ChatClient(e.Model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = endpoint }).AsIChatClient();
            var options = new ChatOptions { Temperature = e.Temperature, TopP = e.TopP, MaxOutputTokens = e.MaxOutputTokens };
            result.Add(new GenerationModel(e.Name, client, options, e.SystemPrompt));
        }
        return result;
    }
}
