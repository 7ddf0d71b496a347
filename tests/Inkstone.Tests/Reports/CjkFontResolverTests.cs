using Inkstone.Reports.Fonts;

namespace Inkstone.Tests.Reports;

/// <summary>Font resolution that needs no font on the machine.</summary>
public sealed class CjkFontResolverTests
{
    [Fact]
    public void Resolve_NothingToFind_NotFoundError()
    {
        var empty = Directory.CreateTempSubdirectory("inkstone-fonts-").FullName;
        var e = Assert.Throws<ReportFontException>(() => CjkFontResolver.Resolve(null, [empty], []));
        Assert.Equal(CjkFontResolver.NotFoundMessage, e.Message);
    }

    [Fact]
    public void Resolve_UnknownFamily_NamesItAndSaysWhatToInstall()
    {
        var e = Assert.Throws<ReportFontException>(() => CjkFontResolver.Resolve("No Such Family 123", [], []));
        Assert.Contains("No Such Family 123", e.Message, StringComparison.Ordinal);
        Assert.Contains(CjkFontResolver.NotFoundMessage, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FileThatIsNoFont_Refused()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("inkstone-fonts-").FullName, "fake.ttf");
        File.WriteAllText(path, "not a font");
        var e = Assert.Throws<ReportFontException>(() => CjkFontResolver.Resolve(path));
        Assert.Contains("fake.ttf", e.Message, StringComparison.Ordinal);
    }
}
