using Inkstone.Web;

namespace Inkstone.Tests.Web;

/// <summary>docs/web.md stays true: its role table names every area of the route table, and every screenshot it shows exists.</summary>
public sealed class WebDocsTests
{
    private static string Docs => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "web.md"));

    [Fact]
    public void RoleTable_NamesEveryRouteArea()
    {
        var docs = Docs;
        foreach (var route in WebRoutes.All)
        {
            // An area is the first segment of the path (/api/work/… is documented as /api/work/…).
            var segments = route.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var area = segments.Length == 0 ? "`/`" : "/" + (segments[0] == "api" && segments.Length > 1 ? "api/" + segments[1] : segments[0]);
            Assert.True(docs.Contains(area, StringComparison.Ordinal), $"docs/web.md does not mention {area} ({route.Method} {route.Path})");
        }
    }

    [Fact]
    public void Screenshots_Exist()
    {
        var docs = Docs;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(docs, @"\]\((web/[^)]+\.png)\)"))
            Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "docs", m.Groups[1].Value)), $"docs/web.md shows {m.Groups[1].Value}, which does not exist");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Inkstone.slnx"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (Inkstone.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
