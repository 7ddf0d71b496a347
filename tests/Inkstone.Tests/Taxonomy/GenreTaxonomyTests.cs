using Inkstone.Taxonomy;

namespace Inkstone.Tests.Taxonomy;

public sealed class GenreTaxonomyTests
{
    [Fact]
    public void Default_Has51GenresIn7Categories()
    {
        var taxonomy = GenreTaxonomy.Default;
        Assert.Equal(7, taxonomy.Categories.Count);
        Assert.Equal(51, taxonomy.Genres.Count);
        Assert.Equal(51, taxonomy.Genres.Select(g => g.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("fantasy_novel", "xuanhuan_novel")]
    [InlineData("玄幻小说", "xuanhuan_novel")]
    [InlineData("Xuanhuan Novels", "xuanhuan_novel")]
    [InlineData("  XUANHUAN-novels ", "xuanhuan_novel")]
    [InlineData("Mystery/Inference Stories", "mystery_story")]
    [InlineData("宋词", "ci_poetry")]
    [InlineData("相声", "crosstalk_sketch")]
    [InlineData("ｓｌｏｇａｎ", "slogan")]
    public void TryResolve_NameOrAlias_FindsGenre(string name, string expectedId)
    {
        Assert.True(GenreTaxonomy.Default.TryResolve(name, out var genre));
        Assert.Equal(expectedId, genre.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("no such genre")]
    public void TryResolve_Unknown_ReturnsFalse(string? name) => Assert.False(GenreTaxonomy.Default.TryResolve(name, out _));

    [Fact]
    public void Default_CategoryGenreCountsMatchPaperTables()
    {
        var counts = GenreTaxonomy.Default.Categories.ToDictionary(c => c.Id, c => c.Genres.Count);
        // Tables 6–10 itemise these; Poetry and Script are completed by Inkstone (docs/taxonomy.md).
        Assert.Equal(8, counts["funny_literature"]);
        Assert.Equal(8, counts["communication"]);
        Assert.Equal(14, counts["novel"]);
        Assert.Equal(9, counts["functional"]);
        Assert.Equal(5, counts["non_fiction"]);
        Assert.Equal(7, counts["poetry"] + counts["script"]);
    }

    [Fact]
    public void Load_DuplicateAlias_ReportsFileAndEntry()
    {
        const string json = """
            {"categories":[{"id":"c","name_zh":"类","name_en":"C","genres":[
              {"id":"a","name_zh":"甲","name_en":"A","aliases":["x"]},
              {"id":"b","name_zh":"乙","name_en":"B","aliases":["X"]}]}]}
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var ex = Assert.Throws<TaxonomyFormatException>(() => GenreTaxonomy.Load(stream, "my.json"));
        Assert.Contains("my.json: categories[0].genres[1]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingName_ReportsField()
    {
        const string json = """{"categories":[{"id":"c","name_zh":"类","name_en":"C","genres":[{"id":"a","name_en":"A"}]}]}""";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var ex = Assert.Throws<TaxonomyFormatException>(() => GenreTaxonomy.Load(stream, "t.json"));
        Assert.Equal("t.json: categories[0].genres[0]: field 'name_zh': missing or empty", ex.Message);
    }
}
