namespace Inkstone.Curation.Ingest;

/// <summary>Converts texts in bulk (e.g. traditional → simplified Chinese); the result has one entry per input, in order.</summary>
public interface ITextConverter
{
    Task<IReadOnlyList<string>> ConvertAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
