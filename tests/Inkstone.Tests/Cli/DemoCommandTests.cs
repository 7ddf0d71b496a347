using Inkstone.Cli;
using Inkstone.Curation;
using Inkstone.Datasets;

namespace Inkstone.Tests.Cli;

/// <summary>
/// <c>inkstone demo</c> on the bundled samples. Expected counts are worked out by hand from samples/README.md and the
/// sample files: 40 records, of which the empty one (src-014) is an ingest error, so 39 items; 10 annotated, 8 of them
/// pass the gate (src-030 has a 7, src-038 totals 48); of the 8 reviewed, src-009 goes to revise and src-040 is removed.
/// Of the 30 items that pass the ingest gates only the garbled src-025 fails assessment.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DemoCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inkstone-demo-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Demo_Samples_StatesAddUpAndExportReadsBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = SamplesFolder();
        var workspaceDirectory = Path.Combine(_directory.FullName, "ws");
        var original = Console.Out;
        using var output = new StringWriter();
        int code;
        try
        {
            Console.SetOut(output);
            code = await CliApp.CreateRootCommand().Parse(["demo", "--workspace", workspaceDirectory, "--from", samples]).InvokeAsync(cancellationToken: ct);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, code);
        await using var workspace = await Workspace.OpenAsync(workspaceDirectory, ct);
        var status = await new CurationStatusService(workspace.Items).ComputeAsync(15, ct);
        Assert.Equal(39, status.Total);
        Assert.Equal(status.Total, status.States.Sum(s => s.Count));
        Assert.Equal(1, status.IngestErrors);
        long Count(string state, string? reason = null) => status.States.Where(s => s.State == state && (reason is null || s.Reason == reason)).Sum(s => s.Count);
        Assert.Equal((2L, 3L, 2L, 6L, 1L, 1L), (Count("rejected", "duplicate"), Count("rejected", "date"), Count("held", "undated"), Count("accepted"), Count("removed", "factual_error"), Count("revise", "review")));
        Assert.Equal(1, Count("rejected", "assessment")); // src-025, the garbled text
        Assert.Equal(2, Count("rejected", "near_duplicate")); // src-020 (of src-012), src-037 (of src-010)
        Assert.Equal(19, Count("ready")); // 29 assessed good − 10 annotated
        Assert.Equal(2, Count("revise", "gate")); // back from the gate: they wait for their annotator in 'revise'

        var entries = new List<DatasetEntry>();
        await foreach (var entry in DatasetReader.ReadAsync(Path.Combine(workspaceDirectory, "accepted.jsonl"), DatasetReadOptions.Default, ct)) entries.Add(entry);
        Assert.All(entries, e => Assert.True(e.IsAccepted));
        Assert.Equal(["src-002", "src-003", "src-005", "src-010", "src-029", "src-036"], entries.Select(e => e.Triplet!.Id).ToArray());
        Assert.Contains("accepted.jsonl", output.ToString(), StringComparison.Ordinal);
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "sources");
            if (File.Exists(Path.Combine(candidate, "articles.jsonl"))) return candidate;
        }

        throw new InvalidOperationException("samples/sources not found above the test folder");
    }
}
