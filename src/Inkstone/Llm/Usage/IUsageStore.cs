namespace Inkstone.Llm.Usage;

/// <summary>Keeps each run's model usage, so a report can say what a run cost and how much the cache saved.</summary>
public interface IUsageStore
{
    Task SaveAsync(string runId, IReadOnlyList<ModelUsage> usage, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ModelUsage>> LoadAsync(string runId, CancellationToken cancellationToken = default);
}
