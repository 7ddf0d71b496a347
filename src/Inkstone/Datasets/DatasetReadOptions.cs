using Inkstone.Taxonomy;

namespace Inkstone.Datasets;

/// <summary>How <see cref="DatasetReader"/> reads and validates a dataset file.</summary>
public sealed record DatasetReadOptions
{
    public static DatasetReadOptions Default { get; } = new();

    /// <summary>Forces a format; null detects it from the file's content (see docs/dataset-format.md).</summary>
    public DatasetFormat? Format { get; init; }

    /// <summary>Taxonomy that genre names and aliases are resolved against.</summary>
    public GenreTaxonomy Taxonomy { get; init; } = GenreTaxonomy.Default;

    /// <summary>When true the first problem (warnings included) throws <see cref="DatasetFormatException"/>.</summary>
    public bool Strict { get; init; }

    /// <summary>When true a record without a genre is rejected; otherwise it is accepted with a null genre.</summary>
    public bool RequireGenre { get; init; }

    /// <summary>When true (the default) a second record with an id already accepted is rejected.</summary>
    public bool RejectDuplicateIds { get; init; } = true;
}
