namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// A Chromium that sees only the DejaVu fonts (no CJK font at all), through a fontconfig file of its own: the
/// machine a report would be opened on without a Chinese font. Chinese text can fall back to nothing there, so the
/// missing-glyph check must find every Han character; the glyph tests use it to prove the check is not blind.
/// </summary>
public sealed class LatinFontsBrowserFixture : BrowserFixture
{
    public const string FontDirectory = "/usr/share/fonts/truetype/dejavu";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inkstone-fonts-");

    public string ConfigPath => Path.Combine(_directory.FullName, "fonts.conf");

    protected override IEnumerable<KeyValuePair<string, string>> BrowserEnvironment() =>
        [new("FONTCONFIG_FILE", ConfigPath)];

    public override async ValueTask InitializeAsync()
    {
        var cache = Path.Combine(_directory.FullName, "cache");
        await File.WriteAllTextAsync(ConfigPath, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <dir>{FontDirectory}</dir>
              <cachedir>{cache}</cachedir>
            </fontconfig>
            """).ConfigureAwait(false);
        await base.InitializeAsync().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        _directory.Delete(recursive: true);
    }
}
