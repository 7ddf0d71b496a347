namespace Inkstone.Reports.Fonts;

/// <summary>
/// Finds the CJK font for figures: <c>--font PATH</c> (a font file), <c>--font NAME</c> (a family searched in the
/// font folders), or by default the first of WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC found at
/// their usual paths or in the font folders. A font that cannot draw Chinese is refused: never boxes.
/// </summary>
public static class CjkFontResolver
{
    public const string NotFoundMessage = "no CJK font found: install fonts-wqy-microhei or pass --font";

    /// <summary>The families tried by default, in order.</summary>
    public static readonly IReadOnlyList<string> DefaultFamilies =
        ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Source Han Sans CN"];

    // Where Debian, Fedora, Arch, macOS and Windows put these fonts; tried before a folder scan.
    private static readonly string[] s_knownFiles =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
        "/System/Library/Fonts/PingFang.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
    ];

    /// <summary>Text every CJK font must draw (common Han characters and full-width punctuation).</summary>
    public const string Probe = "中文字体的体裁诗歌小说，。";

    public static IReadOnlyList<string> DefaultFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".local/share/fonts"),
            Path.Combine(home, ".fonts"), "/System/Library/Fonts", "/Library/Fonts", @"C:\Windows\Fonts"];
    }

    /// <param name="nameOrPath">A font file, a family name, or null for the defaults.</param>
    /// <param name="folders">Font folders to search (default <see cref="DefaultFolders"/>).</param>
    /// <param name="knownFiles">Files tried first for the defaults (default: the usual paths).</param>
    public static ReportFont Resolve(string? nameOrPath, IReadOnlyList<string>? folders = null,
        IReadOnlyList<string>? knownFiles = null)
    {
        folders ??= DefaultFolders();
        if (nameOrPath is { Length: > 0 } given)
        {
            if (LooksLikePath(given)) return FromFile(given);
            return FindFamily(given, folders)
                ?? throw new ReportFontException($"font {given}: no such font file or family in {string.Join(", ", folders)}; {NotFoundMessage}");
        }

        foreach (var file in knownFiles ?? s_knownFiles)
            if (File.Exists(file) && TryCjk(file, 0) is { } known) return known;
        foreach (var family in DefaultFamilies)
            if (FindFamily(family, folders) is { } found) return found;
        throw new ReportFontException(NotFoundMessage);
    }

    private static bool LooksLikePath(string value) =>
        File.Exists(value) || value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)
        || Path.GetExtension(value).ToLowerInvariant() is ".ttf" or ".ttc" or ".otf" or ".otc";

    private static ReportFont FromFile(string path)
    {
        if (Directory.Exists(path)) throw new ReportFontException($"{path}: is a folder, not a font file");
        if (!File.Exists(path)) throw new ReportFontException($"{path}: no such font file");
        var font = ReportFont.TryLoad(path) ?? throw new ReportFontException($"{path}: not a font file SkiaSharp can read");
        if (font.MissingGlyphs([Probe]).Count > 0)
        {
            var family = font.Family;
            font.Dispose();
            throw new ReportFontException($"{path}: font {family} has no CJK glyphs; {NotFoundMessage}");
        }
        return font;
    }

    private static ReportFont? FindFamily(string family, IReadOnlyList<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(folder, "*.*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".ttf" or ".ttc" or ".otf" or ".otc")
                    .Order(StringComparer.Ordinal).ToList();
            }
            catch (IOException)
            {
                continue;
            }
            foreach (var file in files)
                for (var face = 0; face < 16; face++)
                {
                    var font = ReportFont.TryLoad(file, face);
                    if (font is null) break;
                    if (string.Equals(font.Family, family, StringComparison.OrdinalIgnoreCase) && font.MissingGlyphs([Probe]).Count == 0)
                        return font;
                    font.Dispose();
                }
        }
        return null;
    }

    private static ReportFont? TryCjk(string file, int face)
    {
        var font = ReportFont.TryLoad(file, face);
        if (font is null || font.MissingGlyphs([Probe]).Count == 0) return font;
        font.Dispose();
        return null;
    }
}
