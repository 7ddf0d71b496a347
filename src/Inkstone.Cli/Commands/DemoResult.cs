using Inkstone.Curation;
using Inkstone.Curation.Exchange;
using Inkstone.Curation.Ingest;

namespace Inkstone.Cli.Commands;

/// <summary>What <c>inkstone demo --format json</c> prints: each step's report, the final status and commands to try next.</summary>
public sealed record DemoResult
{
    public required string Workspace { get; init; }
    public bool Model { get; init; }
    public IngestReport? Ingest { get; set; }
    public List<IReadOnlyList<StageRunReport>> Runs { get; } = [];
    public Dictionary<string, ImportReport> Imports { get; } = new(StringComparer.Ordinal);
    public long Exported { get; set; }
    public string? ExportFile { get; set; }
    public CurationStatus? Status { get; set; }
    public IReadOnlyList<string> Next { get; set; } = [];
}
