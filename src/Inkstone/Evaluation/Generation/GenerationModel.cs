using Inkstone.Llm.Configuration;
using Microsoft.Extensions.AI;

namespace Inkstone.Evaluation.Generation;

/// <summary>A named model configuration (e.g. M_CW+10k): the client to call, its chat options and an optional system prompt.</summary>
public sealed record GenerationModel(string Name, IChatClient Client, ChatOptions? Options = null, string? SystemPrompt = null)
{
    /// <summary>
    /// A generation model from the model layer's configuration: <paramref name="client"/> is that model's composed client
    /// (usage, cache, limits, backend); the sampling options and system prompt are the configuration's.
    /// </summary>
    public static GenerationModel FromConfiguration(ModelConfiguration model, IChatClient client)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new GenerationModel(model.Name, client, new ChatOptions
        {
            ModelId = model.Model.Length > 0 ? model.Model : null,
            MaxOutputTokens = model.MaxOutputTokens,
            Temperature = model.Temperature,
            TopP = model.TopP,
            Seed = model.Seed,
        }, model.SystemPrompt);
    }
}
