using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>What an import did: records applied (by outcome), records already applied before (re-import), and located errors.</summary>
public sealed record ImportReport(long Records, IReadOnlyDictionary<string, long> Applied, long AlreadyApplied, IReadOnlyList<IngestError> Errors);
