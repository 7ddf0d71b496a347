namespace Inkstone.Statistics;

public enum StatisticsLevel
{
    Overall,
    Category,
    Genre,

    /// <summary>Records without a genre.</summary>
    Unassigned,
}
