namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures: each signature is cut into bands of consecutive rows, and
/// documents that agree on every row of at least one band become candidates. Keeps one bucket entry per band per
/// document and the signatures themselves (8 bytes × permutations per document); texts are not kept.
/// </summary>
public sealed class LshIndex
{
    private readonly int _bands;
    private readonly int _rows;
    private readonly Dictionary<ulong, List<int>>[] _buckets;
    private readonly Dictionary<int, ulong[]> _signatures = [];

    public LshIndex(int bands, int rowsPerBand)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerBand, 1);
        _bands = bands;
        _rows = rowsPerBand;
        _buckets = new Dictionary<ulong, List<int>>[bands];
        for (var i = 0; i < bands; i++) _buckets[i] = [];
    }

    public int Count => _signatures.Count;

    public ulong[] SignatureOf(int id) => _signatures[id];

    /// <summary>Adds a document; ids must be unique.</summary>
    public void Add(int id, ulong[] signature)
    {
        CheckLength(signature);
        if (!_signatures.TryAdd(id, signature)) throw new ArgumentException($"document {id} is already indexed", nameof(id));
        for (var band = 0; band < _bands; band++)
        {
            var key = BandKey(signature, band);
            if (!_buckets[band].TryGetValue(key, out var list)) _buckets[band][key] = list = [];
            list.Add(id);
        }
    }

    /// <summary>Ids of indexed documents sharing at least one band with <paramref name="signature"/>, ascending.</summary>
    public List<int> Candidates(ulong[] signature)
    {
        CheckLength(signature);
        var found = new HashSet<int>();
        for (var band = 0; band < _bands; band++)
            if (_buckets[band].TryGetValue(BandKey(signature, band), out var list))
                found.UnionWith(list);
        var result = found.ToList();
        result.Sort();
        return result;
    }

    /// <summary>The bucket key of one band of a signature (FNV offset basis folded with the band's rows).</summary>
    public ulong BandKey(ulong[] signature, int band)
    {
        CheckLength(signature);
        ArgumentOutOfRangeException.ThrowIfNegative(band);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(band, _bands);
        var hash = 14695981039346656037UL;
        for (var r = band * _rows; r < (band + 1) * _rows; r++)
            hash = CharacterShingles.Mix(hash ^ signature[r]);
        return hash;
    }

    private void CheckLength(ulong[] signature)
    {
        if (signature.Length != _bands * _rows)
            throw new ArgumentException($"signature has {signature.Length} values; the index expects {_bands} × {_rows}", nameof(signature));
    }
}
