using System.Text.Json;
using Inkstone.Storage;

namespace Inkstone.Curation.Annotation;

/// <summary>The stored annotation of an item: who wrote it, the query and the thought (the item's text is the answer).
/// </summary>
public sealed record RecordedAnnotation(string? Annotator, string? Query, string? Thought, bool FromDraft)
{
    public static RecordedAnnotation Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Text(string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var fromDraft = root.TryGetProperty("from_draft", out var d) && d.ValueKind == JsonValueKind.True;
        return new RecordedAnnotation(Text("annotator"), Text("query"), Text("thought"), fromDraft);
    }

    /// <summary>The item's latest annotation, or null when it has none.</summary>
    public static async Task<RecordedAnnotation?> ReadAsync(ICurationStore store, string itemId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var artifacts = await store.GetArtifactsAsync(itemId, cancellationToken).ConfigureAwait(false);
        return artifacts.TryGetValue(AnnotationSubmission.ArtifactKind, out var artifact) ? Parse(artifact.Json) : null;
    }
}
