using System.Text;

namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// The missing-glyph check on a browser that has no CJK font: Chinese text in a Latin-only font has nothing to fall
/// back to and renders as boxes, which the check must find, character by character, while passing the Latin text.
/// </summary>
[Collection(LatinFontsCollection.Name)]
public sealed class MissingGlyphDetectionTests(LatinFontsBrowserFixture browser) : IDisposable
{
    private const string Page = """
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head>
        <body style="font-family: 'DejaVu Sans'">
          <svg xmlns="http://www.w3.org/2000/svg" width="300" height="80">
            <text id="latin" x="10" y="30" font-family="DejaVu Sans" font-size="16">Win rate (n = 557)</text>
            <text id="chinese" x="10" y="60" font-family="DejaVu Sans" font-size="16">胜率 win</text>
          </svg>
        </body></html>
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("inkstone-glyphs-");

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckGlyphs_NoCjkFontAnywhere_ReportsEachHanCharacterOnly()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        await session.OpenFileAsync(Write(Page), Cancel);

        var result = await session.CheckGlyphsAsync("svg text", Cancel);

        Assert.Empty(result.Undetectable);
        Assert.Equal(["胜", "率"], result.Missing.Select(m => m.Character));
        Assert.Equal([0x80DC, 0x7387], result.Missing.Select(m => m.CodePoint));
        Assert.All(result.Missing, m => Assert.Equal("胜率 win", m.Text));
        Assert.Contains("DejaVu Sans", result.Missing[0].Font, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertNoMissingGlyphs_LatinTextPasses_ChineseTextFails()
    {
        await using var session = await browser.NewSessionAsync(cancellationToken: Cancel);
        await session.OpenFileAsync(Write(Page), Cancel);

        await session.AssertNoMissingGlyphsAsync("#latin", Cancel);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => session.AssertNoMissingGlyphsAsync("#chinese", Cancel));
        Assert.Contains("U+80DC", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string html)
    {
        var path = Path.Combine(_folder.FullName, "page.html");
        File.WriteAllText(path, html, new UTF8Encoding(false));
        return path;
    }
}
