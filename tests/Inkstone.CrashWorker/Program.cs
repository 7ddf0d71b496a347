using Inkstone.CrashWorker;
using Inkstone.Curation;
using Inkstone.Curation.Dedup;
using Inkstone.Curation.Ingest;

// usage: Inkstone.CrashWorker WORKSPACE SOURCE.jsonl CALL_LOG [all|ingest|run]
// Ingests SOURCE into WORKSPACE and/or runs every stage with the stub model, accepts the drafts as a person would, and
// runs again (scoring and the gate); prints "done" when finished.
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

// A person accepts every draft as it is (the import is idempotent), then the model scores and the gate decides: the
// kill points cover scoring, the gate and what follows it too.
var drafted = new List<string>();
for (string? after = null; ;)
{
    var page = await workspace.Items.ListItemsAsync(CurationState.Drafted, after, 500);
    if (page.Count == 0) break;
    after = page[^1].Id;
    drafted.AddRange(page.Select(i => System.Text.Json.JsonSerializer.Serialize(new { source_id = i.Id, annotator = "crash-test", accept_draft = true })));
}
if (drafted.Count > 0)
{
    var file = Path.Combine(args[0], $"accept-{Environment.ProcessId}.jsonl");
    await File.WriteAllLinesAsync(file, drafted);
    await new Inkstone.Curation.Exchange.AnnotationImporter(workspace.Items).ImportAsync(file);
    File.Delete(file);
}
await pipeline.RunAsync(new PipelineRunOptions { Concurrency = 4 });
Console.WriteLine("done");
return 0;
