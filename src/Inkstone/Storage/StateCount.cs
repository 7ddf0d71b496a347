using Inkstone.Curation;

namespace Inkstone.Storage;

/// <summary>Number of items in a state, split by reason code (null for states without one).</summary>
public sealed record StateCount(CurationState State, string? ReasonCode, long Count);
