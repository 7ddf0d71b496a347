using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Storage;

namespace Inkstone.Tests.Cli;

/// <summary><c>items list|show|export-tasks</c>, <c>errors</c>, and the annotation task round trip through the command line.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ItemsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-items-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A --no-model workspace with 4 items that reach ready, and one broken source record (an ingest error).</summary>
    private async Task<string> ReadyWorkspaceAsync()
    {
        var workspace = Path.Combine(_directory, "ws");
        var source = Path.Combine(_directory, "articles.jsonl");
        File.WriteAllLines(source, [.. Enumerable.Range(0, 4).Select(i => JsonSerializer.Serialize(new
        {
            id = $"s{i}", text = string.Concat(Enumerable.Range(0, 8).Select(k => $"样本{i}的第{k}句。")), published_at = "2023-06-01",
            genre = i < 2 ? "essay" : "poetry", title = $"标题{i}",
        })), "{\"id\": \"broken\", \"text\": "]);
        Assert.Equal(0, (await CliRunner.RunAsync("init", workspace, "--no-model")).Exit);
        Assert.Equal(1, (await CliRunner.RunAsync("ingest", "-w", workspace, source)).Exit);
        Assert.Equal(0, (await CliRunner.RunAsync("run", "-w", workspace)).Exit);
        return workspace;
    }

    [Fact]
    public async Task ItemsList_StateAndGenre_ListsMatchingItems()
    {
        var workspace = await ReadyWorkspaceAsync();
        var all = await CliRunner.RunAsync("items", "list", "-w", workspace, "--state", "ready", "--format", "json");
        Assert.Equal(0, all.Exit);
        using (var json = JsonDocument.Parse(all.Output))
            Assert.Equal(["s0", "s1", "s2", "s3"], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray());

        var poetry = await CliRunner.RunAsync("items", "list", "-w", workspace, "--genre", "poetry", "--limit", "1", "--format", "csv");
        Assert.Equal(0, poetry.Exit);
        Assert.Contains("s2,ready,,poetry,标题2", poetry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3", poetry.Output, StringComparison.Ordinal);
        Assert.Contains("--limit", poetry.Output + poetry.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemsList_UnknownState_Exit2ListingStates()
    {
        var workspace = await ReadyWorkspaceAsync();
        var result = await CliRunner.RunAsync("items", "list", "-w", workspace, "--state", "done");
        Assert.Equal(2, result.Exit);
        Assert.Contains("unknown state 'done'", result.Errors, StringComparison.Ordinal);
        Assert.Contains("in_review", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemsShow_Item_TextArtifactsAndAuditTrail()
    {
        var workspace = await ReadyWorkspaceAsync();
        var text = await CliRunner.RunAsync("items", "show", "s1", "-w", workspace);
        Assert.Equal(0, text.Exit);
        Assert.Contains("样本1的第7句。", text.Output, StringComparison.Ordinal);
        Assert.Contains("(new) → ingested", text.Output, StringComparison.Ordinal);
        Assert.Contains("→ ready", text.Output, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync("items", "show", "s1", "-w", workspace, "--format", "json");
        using var doc = JsonDocument.Parse(json.Output);
        var audit = doc.RootElement.GetProperty("audit").EnumerateArray().ToList();
        Assert.Null(audit[0].GetProperty("from").GetString());
        Assert.Equal("ready", audit[^1].GetProperty("to").GetString());
        Assert.Equal("ready", doc.RootElement.GetProperty("state").GetString());
        Assert.NotEmpty(doc.RootElement.GetProperty("artifacts").EnumerateArray());
    }

    [Fact]
    public async Task ItemsShow_UnknownId_Exit2NamingIt()
    {
        var workspace = await ReadyWorkspaceAsync();
        var result = await CliRunner.RunAsync("items", "show", "nope-42", "-w", workspace);
        Assert.Equal(2, result.Exit);
        Assert.StartsWith("error: nope-42: no item", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_IngestErrorAndQuarantinedItem_BothListedWithReasons()
    {
        var workspace = await ReadyWorkspaceAsync();
        await using (var ws = await Workspace.OpenAsync(workspace, Ct))
        {
            var item = (await ws.Items.GetItemAsync("s3", Ct))!;
            Assert.True((await ws.Items.TransitionAsync([new StateTransition
            {
                ItemId = "s3", ExpectedVersion = item.Version, From = CurationState.Ready, To = CurationState.Quarantined,
                Actor = Actor.System("test"), ReasonCode = "draft", ReturnState = CurationState.Ready,
                Reason = "draft.query@v1 on m: Transport: Connection refused (localhost:9)",
            }], Ct))[0]);
        }

        var result = await CliRunner.RunAsync("errors", "-w", workspace, "--format", "json");
        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        // The broken record, and the genres that are no taxonomy ids (kept as written).
        var ingest = json.RootElement.GetProperty("ingest_errors").EnumerateArray().ToList();
        Assert.Contains(ingest, e => e.GetProperty("record").GetString() == "line 5" && e.GetProperty("field").ValueKind == JsonValueKind.Null);
        var quarantined = json.RootElement.GetProperty("quarantined").EnumerateArray().Single();
        Assert.Equal(("s3", "draft", "Transport: Connection refused"),
            (quarantined.GetProperty("id").GetString(), quarantined.GetProperty("stage").GetString(), quarantined.GetProperty("kind").GetString()));

        var text = await CliRunner.RunAsync("errors", "-w", workspace);
        Assert.Contains("Connection refused (localhost:9)", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tasks.jsonl")]
    [InlineData("tasks.csv")]
    public async Task ExportTasks_FilledInAndImported_ItemsBecomeAnnotated(string name)
    {
        var workspace = await ReadyWorkspaceAsync();
        var tasks = Path.Combine(_directory, name);
        var export = await CliRunner.RunAsync("items", "export-tasks", "-w", workspace, "-o", tasks, "--format", "json");
        Assert.Equal(0, export.Exit);
        using (var json = JsonDocument.Parse(export.Output)) Assert.Equal(4, json.RootElement.GetProperty("exported").GetInt64());

        var filled = name.EndsWith(".csv", StringComparison.Ordinal) ? FillCsv(tasks) : FillJsonl(tasks);
        File.WriteAllText(tasks, filled);
        var import = await CliRunner.RunAsync("import", "annotations", "-w", workspace, tasks, "--format", "json");
        Assert.Equal(0, import.Exit);
        using var report = JsonDocument.Parse(import.Output);
        Assert.Equal(4, report.RootElement.GetProperty("applied").GetProperty("annotated").GetInt64());
        await using var ws = await Workspace.OpenAsync(workspace, Ct);
        var annotated = await ws.Items.ListItemsAsync(CurationState.Annotated, null, 10, Ct);
        Assert.Equal(4, annotated.Count);
        var artifacts = await ws.Items.GetArtifactsAsync("s2", Ct);
        Assert.Contains("为s2写", artifacts["annotation"].Json, StringComparison.Ordinal);
    }

    private static string FillJsonl(string path) => string.Join("\n", File.ReadAllLines(path).Select(line =>
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(line)!;
        Assert.Equal(("", "", ""), (fields["annotator"], fields["query"], fields["thought"]));
        Assert.Contains("的第0句", fields["article"], StringComparison.Ordinal);
        (fields["annotator"], fields["query"], fields["thought"]) = ("ann1", $"为{fields["source_id"]}写一篇短文", "先想结构");
        fields["notes_of_the_annotator"] = "an extra column";
        return JsonSerializer.Serialize(fields);
    })) + "\n";

    private static string FillCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("source_id,state,genre,title,article,article_analysis,usability,query_analysis,draft_query,draft_thought,reviewer_note,annotator,query,thought", lines[0]);
        // The text has no comma or quote, so each record is one line ending in the three empty fields.
        return string.Join("\n", [lines[0] + ",extra", .. lines.Skip(1).Select(l =>
        {
            Assert.EndsWith(",,,", l, StringComparison.Ordinal);
            var id = l[..l.IndexOf(',', StringComparison.Ordinal)];
            return l[..^3] + $",ann1,为{id}写一篇短文,\"先想结构，再写\",x";
        })]) + "\n";
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
