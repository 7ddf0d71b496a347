namespace Inkstone.Storage;

/// <summary>
/// One run writing to the workspace now: the process that owns it (machine/pid), the items it holds claimed, and how
/// many transitions it wrote in the last <see cref="ICurationStore.ListWorkersAsync"/> window.
/// </summary>
public sealed record WorkerActivity(string RunId, string? Process, long Claims, long RecentTransitions);
