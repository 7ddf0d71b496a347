using Microsoft.Extensions.AI;

namespace Inkstone.Evaluation.Generation;

/// <summary>A named model configuration (e.g. M_CW+10k): the client to call, its chat options and an optional system prompt.</summary>
public sealed record GenerationModel(string Name, IChatClient Client, ChatOptions? Options = null, string? SystemPrompt = null);
