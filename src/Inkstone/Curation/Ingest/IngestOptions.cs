namespace Inkstone.Curation.Ingest;

/// <summary>Settings of the ingest stage (docs/curation.md).</summary>
public sealed record IngestOptions
{
    /// <summary>Date gate: texts published (local date as written) before this day are rejected with reason <c>date</c>.</summary>
    public DateOnly PublishedOnOrAfter { get; init; } = new(2022, 10, 1);

    /// <summary>Texts longer than this (code points, after normalization) are located errors, not items.</summary>
    public int MaxCharacters { get; init; } = 200_000;

    /// <summary>Convert traditional to simplified Chinese with OpenCC before normalization.</summary>
    public bool ToSimplified { get; init; }

    /// <summary>Stop after this many source records (null: read everything).</summary>
    public long? Limit { get; init; }

    /// <summary>Threads for normalization and signatures within a batch.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Records per store transaction.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// Stop at the first located problem (<c>--strict</c>): records read before it are stored, nothing after it is read.
    /// Use with <see cref="BatchSize"/> 1 so that no record after the problem is stored with it.
    /// </summary>
    public bool StopAtFirstProblem { get; init; }

    /// <summary>Id prefix for records without an id: the file name, then <c>#</c> and the record's ordinal in the file.</summary>
    public bool UseFileNameForMissingIds { get; init; } = true;
}
