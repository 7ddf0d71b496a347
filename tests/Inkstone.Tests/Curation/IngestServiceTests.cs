using System.Text.Json;
using Inkstone.Curation;
using Inkstone.Curation.Dedup;
using Inkstone.Curation.Ingest;
using Microsoft.Extensions.Time.Testing;

namespace Inkstone.Tests.Curation;

public sealed class IngestServiceTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider s_time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private TempWorkspaceStore _temp = null!;

    public async ValueTask InitializeAsync() => _temp = await TempWorkspaceStore.CreateAsync();

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IngestService Service() => new(_temp.Items, new MinHashNearDuplicateIndex(), null, null, s_time);

    private static string Text(int seed, int length = 300)
    {
        var random = new Random(seed);
        return new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 3000))]) + "。";
    }

    private static string Line(object o) => JsonSerializer.Serialize(o) + "\n";

    [Fact]
    public async Task Ingest_SameFileTwice_ErrorsRecordedOnceWarningsApart()
    {
        var path = _temp.WriteFile("twice.jsonl", string.Concat(
            Line(new { id = "g", text = Text(11), published_at = "2023-01-01", genre = "no_such_genre" }),
            Line(new { id = "e", text = " " }),
            "{\"id\": \"broken\"\n"));

        var first = await Service().IngestAsync([path], new IngestOptions(), cancellationToken: Ct);
        var second = await Service().IngestAsync([path], new IngestOptions(), cancellationToken: Ct);

        Assert.Equal((2L, 1L), (first.ErrorCount, first.WarningCount));
        Assert.Equal((2L, 1L), (second.ErrorCount, second.WarningCount)); // the report tells what this run met …
        Assert.Equal(2, await _temp.Items.CountIngestErrorsAsync(Inkstone.Storage.IngestErrorSeverity.Error, Ct)); // … the workspace keeps each once
        Assert.Equal(1, await _temp.Items.CountIngestErrorsAsync(Inkstone.Storage.IngestErrorSeverity.Warning, Ct));
        var warning = Assert.Single(await _temp.Items.ListIngestErrorsAsync(100, Ct), e => e.Severity == Inkstone.Storage.IngestErrorSeverity.Warning);
        Assert.Equal(("genre", "line 1"), (warning.Field, warning.Location.Record));
        Assert.StartsWith("warning: ", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_MixedGoodAndBadRecords_EveryRecordAccountedOnceAndErrorsLocated()
    {
        var huge = new string('长', 250_000);
        var path = _temp.WriteFile("in.jsonl", string.Concat(
            Line(new { id = "ok1", text = Text(1), published_at = "2023-01-01", platform = "weibo", likes = 5 }),
            Line(new { id = "old", text = Text(2), published_at = "2022-09-30" }),
            Line(new { id = "edge", text = Text(3), published_at = "2022-10-01" }),
            Line(new { id = "nodate", text = Text(4) }),
            Line(new { id = "impossible", text = Text(5), published_at = "2023-02-29" }),
            Line(new { id = "dup", text = "  " + Text(1) + "\n\n", published_at = "2023-01-01" }),
            Line(new { id = "near", text = Text(1)[..200] + "变" + Text(1)[201..], published_at = "2023-01-01" }),
            Line(new { id = "empty", text = " \n " }),
            Line(new { id = "notext" }),
            Line(new { id = "huge", text = huge, published_at = "2023-01-01" }),
            "{\"id\": \"broken\"\n"));
        var report = await Service().IngestAsync([path], new IngestOptions(), cancellationToken: Ct);

        Assert.Equal(11, report.RecordsRead);
        Assert.Equal(4, report.Failed); // empty, notext, huge, broken
        var stored = report.Stored;
        Assert.Equal(2, stored["ingested"]); // ok1, edge (2022-10-01 is on the cutoff)
        Assert.Equal(1, stored["rejected(date)"]);
        Assert.Equal(1, stored["held(undated)"]);
        Assert.Equal(1, stored["held(invalid_date)"]);
        Assert.Equal(1, stored["rejected(duplicate)"]);
        Assert.Equal(1, stored["rejected(near_duplicate)"]);
        Assert.Equal(report.RecordsRead, stored.Values.Sum() + report.Failed + report.AlreadyPresent + report.IdConflicts);

        var counts = await _temp.Items.CountByStateAsync(Ct);
        Assert.Equal(7, counts.Sum(c => c.Count));
        var errors = await _temp.Items.ListIngestErrorsAsync(100, Ct);
        Assert.Contains(errors, e => e.Location.Record == "line 5" && e.Field == "published_at");
        Assert.Contains(errors, e => e.Location.Record == "line 8" && e.Message == "empty after normalization");
        Assert.Contains(errors, e => e.Location.Record == "line 9" && e.Message == "missing");
        Assert.Contains(errors, e => e.Location.Record == "line 10" && e.Message.StartsWith("too long", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.Record == "line 11" && e.Field is null);

        var dup = await _temp.Items.GetItemAsync("dup", Ct);
        Assert.Equal("exact duplicate of ok1", dup!.Reason);
        Assert.Equal("near duplicate of ok1", (await _temp.Items.GetItemAsync("near", Ct))!.Reason);
        var ok = (await _temp.Items.GetItemAsync("ok1", Ct))!;
        Assert.Equal(("weibo", 5L), (ok.Provenance!.Platform, ok.Provenance.Engagement!.Likes!.Value));
    }

    [Fact]
    public async Task Ingest_SameFileTwice_SecondRunStoresNothing()
    {
        var path = _temp.WriteFile("in.jsonl", string.Concat(Enumerable.Range(0, 20).Select(i => Line(new { id = $"d{i}", text = Text(i), published_at = "2023-03-03" }))));
        var first = await Service().IngestAsync([path], new IngestOptions { BatchSize = 7 }, cancellationToken: Ct);
        var second = await Service().IngestAsync([path], new IngestOptions { BatchSize = 7 }, cancellationToken: Ct);
        Assert.Equal(20, first.Stored["ingested"]);
        Assert.Empty(second.Stored);
        Assert.Equal(20, second.AlreadyPresent);
        Assert.Equal(20, await _temp.Items.ReadAuditAsync(null, Ct).CountAsync(Ct));
    }

    [Fact]
    public async Task Ingest_NearCopyInLaterRun_RejectedAgainstWorkspace()
    {
        var first = _temp.WriteFile("a.jsonl", Line(new { id = "a", text = Text(9, 2000), published_at = "2023-03-03" }));
        await Service().IngestAsync([first], new IngestOptions(), cancellationToken: Ct);
        var second = _temp.WriteFile("b.jsonl", Line(new { id = "b", text = "序：" + Text(9, 2000), published_at = "2023-03-03" }));
        var report = await Service().IngestAsync([second], new IngestOptions(), cancellationToken: Ct); // a fresh process: the band keys are in the store
        Assert.Equal(1, report.Stored["rejected(near_duplicate)"]);
    }

    [Fact]
    public async Task Ingest_LimitAndMissingIds_StopsAfterLimitWithFileOrdinalIds()
    {
        var path = _temp.WriteFile("noid.jsonl", string.Concat(Enumerable.Range(0, 10).Select(i => Line(new { text = Text(i), published_at = "2023-03-03" }))));
        var report = await Service().IngestAsync([path], new IngestOptions { Limit = 4 }, cancellationToken: Ct);
        Assert.Equal(4, report.RecordsRead);
        var ids = (await _temp.Items.ListItemsAsync(null, null, 100, Ct)).Select(i => i.Id).ToArray();
        Assert.Equal(["noid#1", "noid#2", "noid#3", "noid#4"], ids);
    }

    [Fact]
    public async Task Ingest_SameIdDifferentText_IdConflictError()
    {
        var a = _temp.WriteFile("a.jsonl", Line(new { id = "x", text = Text(1), published_at = "2023-03-03" }));
        var b = _temp.WriteFile("b.jsonl", Line(new { id = "x", text = Text(2), published_at = "2023-03-03" }));
        var report = await Service().IngestAsync([a, b], new IngestOptions(), cancellationToken: Ct);
        Assert.Equal(1, report.IdConflicts);
        Assert.Contains(report.FirstErrors, e => e.Field == "id" && e.Location.File == b);
    }

    [Fact]
    public async Task Ingest_ToSimplifiedWithFakeConverter_ConvertsBeforeHashing()
    {
        var path = _temp.WriteFile("t.jsonl", Line(new { id = "t", text = "這是繁體字的文章內容", published_at = "2023-03-03" }));
        var service = new IngestService(_temp.Items, new MinHashNearDuplicateIndex(), new SwapConverter('這', '这'), null, s_time);
        await service.IngestAsync([path], new IngestOptions { ToSimplified = true }, cancellationToken: Ct);
        Assert.Equal("这是繁體字的文章內容", (await _temp.Items.GetItemAsync("t", Ct))!.Text);
    }

    [Fact]
    public async Task Ingest_MissingAndUnsupportedFilesAmongGoodOnes_LocatedErrorsAndTheRestIngested()
    {
        var good = _temp.WriteFile("good.jsonl", Line(new { id = "g", text = Text(1), published_at = "2023-03-03" }));
        var unsupported = _temp.WriteFile("x.docx", "binary");
        var missing = Path.Combine(_temp.Directory, "missing.jsonl");
        var report = await Service().IngestAsync([missing, unsupported, good], new IngestOptions(), cancellationToken: Ct);
        Assert.Equal(1, report.Stored["ingested"]);
        Assert.Equal([missing, unsupported], report.FirstErrors.Select(e => e.Location.File).ToArray());
        Assert.All(report.FirstErrors, e => Assert.Equal("file", e.Location.Record));
    }

    [Fact]
    public async Task Ingest_ToSimplifiedWithoutConverter_Throws()
    {
        var path = _temp.WriteFile("t.jsonl", Line(new { id = "t", text = "字" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Service().IngestAsync([path], new IngestOptions { ToSimplified = true }, cancellationToken: Ct));
    }

    private sealed class SwapConverter(char from, char to) : ITextConverter
    {
        public Task<IReadOnlyList<string>> ConvertAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>([.. texts.Select(t => t.Replace(from, to))]);
    }
}
