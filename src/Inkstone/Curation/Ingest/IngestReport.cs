using Inkstone.Storage;

namespace Inkstone.Curation.Ingest;

/// <summary>What one ingest did. Every record read is counted exactly once in <see cref="Stored"/>, <see cref="AlreadyPresent"/>, <see cref="IdConflicts"/> or <see cref="Failed"/>.</summary>
public sealed record IngestReport
{
    public long RecordsRead { get; init; }

    /// <summary>New items by initial state and reason (ingested, held(undated), rejected(duplicate), …).</summary>
    public IReadOnlyDictionary<string, long> Stored { get; init; } = new Dictionary<string, long>();

    public long AlreadyPresent { get; init; }
    public long IdConflicts { get; init; }

    /// <summary>Records that did not become items (unreadable, empty, too long).</summary>
    public long Failed { get; init; }

    /// <summary>Located errors: records not stored, and field problems that changed how a record was stored.</summary>
    public long ErrorCount { get; init; }

    /// <summary>Located warnings: problems of records stored as they are (an unknown genre kept as written).</summary>
    public long WarningCount { get; init; }

    /// <summary>The first errors and warnings, for display; all of them are in the workspace's ingest error table.</summary>
    public IReadOnlyList<IngestError> FirstErrors { get; init; } = [];

    /// <summary>True when <see cref="IngestOptions.StopAtFirstProblem"/> stopped the ingest at <see cref="FirstErrors"/>[0].</summary>
    public bool StoppedAtFirstProblem { get; init; }

    public TimeSpan Elapsed { get; init; }
}
