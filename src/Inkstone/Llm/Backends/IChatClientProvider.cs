using Inkstone.Llm.Configuration;
using Microsoft.Extensions.AI;

namespace Inkstone.Llm.Backends;

/// <summary>Gives the composed client (usage, cache, limits, backend) for a model configuration; one client per model name.</summary>
public interface IChatClientProvider
{
    IChatClient GetClient(ModelConfiguration model);
}
