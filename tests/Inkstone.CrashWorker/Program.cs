using Inkstone.CrashWorker;
using Inkstone.Curation;
using Inkstone.Curation.Dedup;
using Inkstone.Curation.Ingest;

// usage: Inkstone.CrashWorker WORKSPACE SOURCE.jsonl CALL_LOG [all|ingest|run]
// Ingests SOURCE into WORKSPACE and/or runs every stage with the stub model; prints "done" when finished.
if (args.Length is < 3 or > 4 || (args.Length == 4 && args[3] is not ("all" or "ingest" or "run")))
{
    Console.Error.WriteLine("usage: Inkstone.CrashWorker WORKSPACE SOURCE.jsonl CALL_LOG [all|ingest|run]");
    return 2;
}

var mode = args.Length == 4 ? args[3] : "all";
await using var workspace = await Workspace.OpenAsync(args[0]);
if (mode is "all" or "ingest")
{
    var ingest = new IngestService(workspace.Items, new MinHashNearDuplicateIndex(workspace.Config.Ingest.NearDuplicateThreshold));
    await ingest.IngestAsync([args[1]], new IngestOptions { BatchSize = 200 });
}

if (mode == "ingest")
{
    Console.WriteLine("done");
    return 0;
}

var model = new StubCurationModel(args[2], TimeSpan.FromMilliseconds(1));
var pipeline = new CurationPipeline(workspace.Items, CurationStages.Create(workspace.Config, workspace.Items, model));
await pipeline.RunAsync(new PipelineRunOptions { Concurrency = 4 });
Console.WriteLine("done");
return 0;
