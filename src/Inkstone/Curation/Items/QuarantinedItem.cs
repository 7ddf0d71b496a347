namespace Inkstone.Curation.Items;

/// <summary>An item a stage could not process (a failed model call): the stage, the kind of failure and the full reason.</summary>
public sealed record QuarantinedItem(string Id, string Stage, string? ReturnState, string Kind, string Reason, string? RunId, DateTimeOffset At);
