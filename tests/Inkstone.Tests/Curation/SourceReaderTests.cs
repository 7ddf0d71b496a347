using Inkstone.Curation.Ingest;

namespace Inkstone.Tests.Curation;

public sealed class SourceReaderTests : IAsyncLifetime
{
    private TempWorkspaceStore _temp = null!;

    public async ValueTask InitializeAsync() => _temp = await TempWorkspaceStore.CreateAsync();

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    private static async Task<List<SourceReadResult>> ReadAll(string path) => await SourceReaders.For(path).ReadAsync(path, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Jsonl_BrokenLineAndWrongTypes_LocatedErrorsAndOtherLinesRead()
    {
        var path = _temp.WriteFile("a.jsonl", """
            {"id": "x1", "content": "正文", "likes": "1,204", "shares": -3, "platform": "知乎"}

            {"id": "x2", "text": 
            {"id": 7, "text": "数字id", "author": ["a"]}
            [1, 2]
            """);
        var results = await ReadAll(path);
        Assert.Equal(4, results.Count);
        var first = results[0].Record!;
        Assert.Equal(("x1", "正文", 1204L, (long?)null, "知乎"), (first.Id, first.Text, first.Likes!.Value, first.Shares, first.Platform));
        Assert.Equal("shares", Assert.Single(first.FieldErrors).Field);
        Assert.Equal("line 3", results[1].Error!.Location.Record);
        Assert.Equal(("7", "author"), (results[2].Record!.Id, Assert.Single(results[2].Record!.FieldErrors).Field));
        Assert.Equal("line 5", results[3].Error!.Location.Record);
    }

    [Fact]
    public async Task Csv_QuotedMultilineFieldsAndBadRow_RecordsWithRowAndLine()
    {
        var path = _temp.WriteFile("a.csv", "id,text,published_at,extra\nc1,\"第一行\n第二行, \"\"引号\"\"\",2023-01-02,x\nc2,too,few\nc3,短文,,y\n");
        var results = await ReadAll(path);
        Assert.Equal(3, results.Count);
        Assert.Equal("第一行\n第二行, \"引号\"", results[0].Record!.Text);
        Assert.Equal("2023-01-02", results[0].Record!.PublishedAt);
        Assert.Equal("row 2 (line 4)", results[1].Error!.Location.Record);
        Assert.Contains("3 fields, header has 4", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(("c3", (string?)null), (results[2].Record!.Id, results[2].Record!.PublishedAt));
    }

    [Fact]
    public async Task Csv_HeaderWithoutText_OneErrorNoRecords()
    {
        var results = await ReadAll(_temp.WriteFile("b.csv", "id,title\n1,x\n"));
        Assert.Equal("text", Assert.Single(results).Error!.Field);
    }

    [Fact]
    public async Task Folder_MarkdownWithFrontMatterTextAndHtml_OneRecordEach()
    {
        var folder = Path.Combine(_temp.Directory, "src");
        _temp.WriteFile("src/b/one.md", "---\nauthor: 李白\npublished_at: 2023-04-05\nurl: \"https://x/1\"\n---\n# 标题\n正文\n");
        _temp.WriteFile("src/a.txt", "纯文本");
        _temp.WriteFile("src/c.html", "<html><head><title>页</title><meta name=\"author\" content=\"杜甫\"></head><body><nav>菜单</nav><article><p>第一段</p><p>第二<b>段</b></p></article><footer>版权</footer></body></html>");
        _temp.WriteFile("src/ignored.bin", "x");
        var results = await ReadAll(folder);
        Assert.Equal(["a", "b/one", "c"], results.Select(r => r.Record!.Id).ToArray());
        var md = results[1].Record!;
        Assert.Equal(("李白", "2023-04-05", "https://x/1", "# 标题\n正文\n"), (md.Author, md.PublishedAt, md.Url, md.Text));
        var html = results[2].Record!;
        Assert.Equal(("杜甫", "页"), (html.Author, html.Title));
        Assert.Equal("第一段\n\n第二段", TextNormalizer.Normalize(html.Text!));
    }

    [Fact]
    public async Task Folder_WithJsonlAndCsvFiles_ReadsTheirRecords()
    {
        var folder = Path.Combine(_temp.Directory, "mixed");
        _temp.WriteFile("mixed/a.txt", "纯文本");
        _temp.WriteFile("mixed/b.jsonl", "{\"id\": \"j1\", \"text\": \"一\"}\n{\"id\": \"j2\", \"text\": \"二\"}\n");
        _temp.WriteFile("mixed/sub/c.csv", "id,text\nc1,三\n");
        _temp.WriteFile("mixed/d.ndjson", "{broken\n");

        var results = await ReadAll(folder);

        Assert.Equal(["a", "j1", "j2", "d.ndjson line 1", "c1"],
            results.Select(r => r.Record?.Id ?? $"{Path.GetFileName(r.Error!.Location.File)} {r.Error.Location.Record}").ToArray());
    }

    [Fact]
    public async Task Csv_InvalidUtf8InARow_RejectsThatRowWithItsLine()
    {
        var path = Path.Combine(_temp.Directory, "bad.csv");
        await File.WriteAllBytesAsync(path, [.. "id,text\nc1,\"多\n行\"\nc2,坏"u8, 0xFF, .. "\nc3,好\n"u8], TestContext.Current.CancellationToken);

        var results = await ReadAll(path);

        Assert.Equal(3, results.Count);
        Assert.Equal("多\n行", results[0].Record!.Text);
        Assert.Null(results[1].Record);
        Assert.Equal("invalid UTF-8 on line 4 at byte 7 (0xFF)", results[1].Error!.Message);
        Assert.Equal("row 2 (line 4)", results[1].Error!.Location.Record);
        Assert.Equal("好", results[2].Record!.Text);
    }

    [Fact]
    public void HtmlExtractor_NoArticleElement_TakesBlockWithMostParagraphText()
    {
        var page = HtmlMainTextExtractor.Extract("""
            <html><head><meta property="article:published_time" content="2023-03-01T10:00:00+08:00"><link rel="canonical" href="https://site/p/1"><meta property="og:site_name" content="站点"></head>
            <body><div class="side"><p>短</p></div><div class="content"><p>这是正文的第一段，比较长。</p><p>这是第二段。</p><script>var x = 1;</script></div></body></html>
            """);
        Assert.Equal("这是正文的第一段，比较长。\n\n这是第二段。", TextNormalizer.Normalize(page.Text));
        Assert.Equal(("2023-03-01T10:00:00+08:00", "https://site/p/1", "站点"), (page.PublishedAt, page.Url, page.Platform));
    }

    [Fact]
    public void For_UnsupportedExtension_ThrowsNamingFormats()
    {
        var path = _temp.WriteFile("x.docx", "");
        var ex = Assert.Throws<NotSupportedException>(() => SourceReaders.For(path));
        Assert.Contains(".jsonl", ex.Message, StringComparison.Ordinal);
    }
}
