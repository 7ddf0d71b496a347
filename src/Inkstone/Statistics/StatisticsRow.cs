namespace Inkstone.Statistics;

/// <summary>
/// One row of the statistics table (paper Tables 5–10): a group of records, its count, its share of all accepted
/// records in percent, and min / mean / max lengths of article, prompt and reasoning.
/// </summary>
public sealed record StatisticsRow(
    StatisticsLevel Level,
    string? Id,
    string NameZh,
    string NameEn,
    string? CategoryId,
    long Count,
    double SharePercent,
    FieldLengths Article,
    FieldLengths Prompt,
    FieldLengths Reasoning)
{
    public FieldLengths this[TextField field] => field switch
    {
        TextField.Article => Article,
        TextField.Prompt => Prompt,
        TextField.Reasoning => Reasoning,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
