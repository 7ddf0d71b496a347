namespace Inkstone.Curation.Items;

/// <summary>One line of <c>inkstone items list</c>: where an item stands, and enough of it to recognise it.</summary>
public sealed record ItemSummary(
    string Id, string State, string? ReasonCode, string? Reason, string? Genre, string Title, DateTimeOffset UpdatedAt);
