using Inkstone.CrashWorker;
using Inkstone.Curation;
using Inkstone.Curation.Dedup;
using Inkstone.Curation.Ingest;

// usage: Inkstone.CrashWorker WORKSPACE SOURCE.jsonl CALL_LOG
// Ingests SOURCE into WORKSPACE and runs every stage with the stub model; prints "done" when finished.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Inkstone.CrashWorker WORKSPACE SOURCE.jsonl CALL_LOG");
    return 2;
}

await using var workspace = await Workspace.OpenAsync(args[0]);
var ingest = new IngestService(workspace.Items, new MinHashNearDuplicateIndex(workspace.Config.Ingest.NearDuplicateThreshold));
await ingest.IngestAsync([args[1]], new IngestOptions { BatchSize = 200 });
var model = new StubCurationModel(args[2], TimeSpan.FromMilliseconds(1));
var pipeline = new CurationPipeline(workspace.Items, CurationStages.Create(workspace.Config, workspace.Items, model));
await pipeline.RunAsync(new PipelineRunOptions { Concurrency = 4 });
Console.WriteLine("done");
return 0;
