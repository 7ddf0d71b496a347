namespace Inkstone.Text.Scripts;

/// <summary>Thresholds of the "contains Chinese text" rule (see <see cref="ChineseContentRule"/>).</summary>
public sealed record ChineseContentOptions
{
    /// <summary>Minimum number of Han characters in the whole text. Default 10: more than a name or two.</summary>
    public int MinHanCharacters { get; init; } = 10;

    /// <summary>Minimum length of the longest run of consecutive Han characters. Default 4: a phrase, not a quoted name.</summary>
    public int MinHanRun { get; init; } = 4;

    /// <summary>Minimum Han share of the letters (0–1). Default 0: a Chinese paragraph inside a long English answer still counts.</summary>
    public double MinHanShare { get; init; }

    public void Validate()
    {
        if (MinHanCharacters < 1) throw new ArgumentOutOfRangeException(nameof(MinHanCharacters), MinHanCharacters, "must be at least 1");
        if (MinHanRun < 1) throw new ArgumentOutOfRangeException(nameof(MinHanRun), MinHanRun, "must be at least 1");
        if (MinHanShare is < 0 or > 1 || double.IsNaN(MinHanShare)) throw new ArgumentOutOfRangeException(nameof(MinHanShare), MinHanShare, "must be between 0 and 1");
    }
}
