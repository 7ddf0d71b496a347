namespace Inkstone.Datasets;

/// <summary>The dataset file formats Inkstone reads and writes.</summary>
public enum DatasetFormat
{
    /// <summary>A JSON array of record objects (the released COIG-Writer file).</summary>
    Json,

    /// <summary>JSON Lines: one record object per line.</summary>
    Jsonl,

    /// <summary>Apache Parquet with one row per record.</summary>
    Parquet,
}
