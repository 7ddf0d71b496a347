namespace Inkstone.Statistics;

/// <summary>Which rows a rendered table shows after the overall row.</summary>
public enum StatisticsGrouping
{
    /// <summary>Each category followed by its genres (Table 5 and Tables 6–10 in one).</summary>
    All,

    /// <summary>Categories only (Table 5).</summary>
    Category,

    /// <summary>Genres only, grouped by category (Tables 6–10).</summary>
    Genre,
}
