using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inkstone.Evaluation.Judgments;

/// <summary>The key of a blind assignment, kept apart from the annotators' files: item id → query and label → model.</summary>
public sealed class BlindKey
{
    internal static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Dictionary<string, BlindKeyEntry> _items;

    public BlindKey(IEnumerable<BlindKeyEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _items = new Dictionary<string, BlindKeyEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
            if (!_items.TryAdd(e.ItemId, e)) throw new ArgumentException($"item '{e.ItemId}' appears twice in the key", nameof(entries));
    }

    public IReadOnlyCollection<BlindKeyEntry> Entries => _items.Values;

    public bool TryGet(string itemId, out BlindKeyEntry entry) => _items.TryGetValue(itemId, out entry!);

    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var e in _items.Values)
            await writer.WriteLineAsync(JsonSerializer.Serialize(e, s_json).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a key file (JSONL); a malformed line is an error naming the file and line, since a wrong key would mislabel verdicts.</summary>
    public static async Task<BlindKey> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var entries = new List<BlindKeyEntry>();
        var line = 0;
        using var reader = new StreamReader(path, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            BlindKeyEntry? entry;
            try { entry = JsonSerializer.Deserialize<BlindKeyEntry>(text, s_json); }
            catch (JsonException ex) { throw new FormatException($"{path}:{line}: invalid key entry: {ex.Message}", ex); }
            if (entry is null || string.IsNullOrEmpty(entry.ItemId) || string.IsNullOrEmpty(entry.QueryId) || entry.Labels is null || entry.Labels.Count == 0)
                throw new FormatException($"{path}:{line}: key entry needs item_id, query_id and labels");
            entries.Add(entry);
        }
        try { return new BlindKey(entries); }
        catch (ArgumentException ex) { throw new FormatException($"{path}: {ex.Message}", ex); }
    }
}
