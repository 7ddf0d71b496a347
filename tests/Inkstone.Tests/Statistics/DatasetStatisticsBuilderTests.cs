using Inkstone.Model;
using Inkstone.Statistics;
using Inkstone.Taxonomy;

namespace Inkstone.Tests.Statistics;

public sealed class DatasetStatisticsBuilderTests
{
    private static Triplet T(string id, string? genre, string query, string thought, string answer) =>
        new() { Id = id, GenreId = genre, Query = query, Thought = thought, Answer = answer };

    // Lengths (code points) by hand:        prompt  reasoning        article
    private static readonly Triplet[] s_records =
    [
        T("a", "modern_poetry", "ab", "思考😀", "一二三"),         // 2, 3 (2 Han), 3
        T("b", "modern_poetry", "abcd", "x", "一二三四五六七八九十"), // 4, 1, 10
        T("c", "slogan", "写标语", "想想", "好"),                  // 3, 2, 1
        T("d", null, "q", "tt", "Hello"),                         // 1, 2, 5
    ];

    private static DatasetStatistics Build(int minPerGenre = 15)
    {
        var builder = new DatasetStatisticsBuilder(GenreTaxonomy.Default);
        foreach (var t in s_records) builder.Add(t);
        return builder.Build(new DatasetStatisticsOptions { MinPerGenre = minPerGenre });
    }

    [Fact]
    public void Build_OverallRow_MinMeanMaxPerField()
    {
        var overall = Build().Overall;

        Assert.Equal((StatisticsLevel.Overall, 4L, 100.0), (overall.Level, overall.Count, overall.SharePercent));
        Assert.Equal(new LengthSummary(4, 1, 4.75, 10), overall.Article.CodePoints);   // (3+10+1+5)/4
        Assert.Equal(new LengthSummary(4, 1, 2.5, 4), overall.Prompt.CodePoints);      // (2+4+3+1)/4
        Assert.Equal(new LengthSummary(4, 1, 2.0, 3), overall.Reasoning.CodePoints);   // (3+1+2+2)/4
        Assert.Equal(new LengthSummary(4, 0, 3.5, 10), overall.Article.Han);           // (3+10+1+0)/4
        Assert.Equal(new LengthSummary(4, 0, 1.0, 2), overall.Reasoning.Han);          // (2+0+2+0)/4
    }

    [Fact]
    public void Build_CategoriesAndGenres_LargestFirstWithShares()
    {
        var s = Build();

        Assert.Equal(["poetry", "communication"], s.Categories.Select(c => c.Id));
        Assert.Equal([50.0, 25.0], s.Categories.Select(c => c.SharePercent));
        Assert.Equal(["modern_poetry", "slogan"], s.Genres.Select(g => g.Id));
        Assert.Equal(new LengthSummary(2, 3, 6.5, 10), s.Genres[0].Article.CodePoints);
        Assert.Equal(new LengthSummary(2, 1, 2.0, 3), s.Genres[0].Reasoning.CodePoints);
        Assert.Equal(("communication", 1L, 25.0), (s.Genres[1].CategoryId, s.Genres[1].Count, s.Genres[1].SharePercent));
        Assert.Equal((1L, 25.0), (s.Unassigned!.Count, s.Unassigned.SharePercent));
        Assert.Equal(new LengthSummary(1, 5, 5, 5), s.Unassigned.Article.CodePoints);
    }

    [Fact]
    public void Build_BalanceAudit_ListsGenresBelowMinimumAndMissingCategories()
    {
        var s = Build(minPerGenre: 2);

        Assert.Equal(50, s.Balance.GenresBelowMinimum.Count); // every genre but modern_poetry (2 records)
        Assert.DoesNotContain(s.Balance.GenresBelowMinimum, g => g.Id == "modern_poetry");
        Assert.Equal(1, s.Balance.GenresBelowMinimum.Single(g => g.Id == "slogan").Count);
        Assert.Equal(0, s.Balance.GenresBelowMinimum.Single(g => g.Id == "wuxia_novel").Count);
        Assert.Equal(["novel", "non_fiction", "functional", "funny_literature", "script"], s.Balance.CategoriesMissing.Select(c => c.Id));
        Assert.False(s.Balance.IsBalanced);
    }

    [Fact]
    public void Build_LengthDistribution_CountsPerBucketAndField()
    {
        var buckets = Build().LengthDistribution;

        // article 3,10,1,5; prompt 2,4,3,1; reasoning 3,1,2,2
        Assert.Equal(["1–3", "4–9", "10–31"], buckets.Select(b => b.Label));
        Assert.Equal([2L, 1, 1], buckets.Select(b => b.Article));
        Assert.Equal([3L, 1, 0], buckets.Select(b => b.Prompt));
        Assert.Equal([4L, 0, 0], buckets.Select(b => b.Reasoning));
    }

    [Fact]
    public void Build_NoRecords_EmptyTablesAndEverythingMissing()
    {
        var s = new DatasetStatisticsBuilder(GenreTaxonomy.Default).Build();

        Assert.Equal(0, s.Overall.Count);
        Assert.Empty(s.Categories);
        Assert.Empty(s.LengthDistribution);
        Assert.Equal(51, s.Balance.GenresBelowMinimum.Count);
        Assert.Equal(7, s.Balance.CategoriesMissing.Count);
    }
}
