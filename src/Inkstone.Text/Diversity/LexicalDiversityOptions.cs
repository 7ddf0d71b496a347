namespace Inkstone.Text.Diversity;

/// <summary>Settings of <see cref="LexicalDiversityAnalyzer"/>.</summary>
public sealed record LexicalDiversityOptions
{
    public TextLanguage Language { get; init; } = TextLanguage.Auto;

    /// <summary>Keep whitespace-only and punctuation/symbol-only tokens (excluded by default).</summary>
    public bool KeepPunctuation { get; init; }

    /// <summary>Compare tokens as written; by default tokens are lower-cased (invariant culture) before counting types.</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>MATTR window length in tokens.</summary>
    public int MattrWindow { get; init; } = 50;

    /// <summary>MTLD factor threshold.</summary>
    public double MtldThreshold { get; init; } = 0.72;

    public void Validate()
    {
        if (MattrWindow < 1) throw new ArgumentOutOfRangeException(nameof(MattrWindow), MattrWindow, "must be at least 1");
        if (MtldThreshold is <= 0 or >= 1 || double.IsNaN(MtldThreshold)) throw new ArgumentOutOfRangeException(nameof(MtldThreshold), MtldThreshold, "must be between 0 and 1, exclusive");
        if (!Enum.IsDefined(Language)) throw new ArgumentOutOfRangeException(nameof(Language), Language, "unknown language");
    }
}
