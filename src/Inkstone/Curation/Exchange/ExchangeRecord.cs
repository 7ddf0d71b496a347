using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>One record of an exchange file (annotations, scores, review decisions): its fields as text, or the error reading it.</summary>
public sealed record ExchangeRecord(SourceLocation Location, IReadOnlyDictionary<string, string?>? Fields, string? Error)
{
    /// <summary>The trimmed value, or null when absent or blank.</summary>
    public string? Get(string name) => Fields is not null && Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}
