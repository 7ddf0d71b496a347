using System.Text.Json;
using Inkstone.Datasets;

namespace Inkstone.Statistics;

/// <summary>Writes a <see cref="DatasetStatisticsReport"/> as JSON; the shape is documented in docs/dataset-format.md.</summary>
public static class DatasetStatisticsJson
{
    public static void Write(Utf8JsonWriter writer, DatasetStatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Statistics;
        writer.WriteStartObject();
        writer.WriteString("source", report.Source);
        writer.WriteString("format", report.Format.ToString().ToLowerInvariant());
        writer.WriteStartObject("read");
        writer.WriteNumber("read", report.Summary.Read);
        writer.WriteNumber("accepted", report.Summary.Accepted);
        writer.WriteNumber("rejected", report.Summary.Rejected);
        writer.WriteNumber("warnings", report.Summary.Warnings);
        writer.WriteNumber("file_errors", report.Summary.FileErrors);
        writer.WriteNumber("problems", report.Summary.ProblemCount);
        writer.WriteEndObject();
        writer.WriteString("taxonomy_version", s.TaxonomyVersion);
        writer.WriteString("length_unit", "code_points");
        writer.WritePropertyName("overall");
        WriteRow(writer, s.Overall);
        WriteRows(writer, "categories", s.Categories);
        WriteRows(writer, "genres", s.Genres);
        writer.WritePropertyName("unassigned");
        if (s.Unassigned is null) writer.WriteNullValue();
        else WriteRow(writer, s.Unassigned);

        writer.WriteStartObject("balance");
        writer.WriteNumber("min_per_genre", s.Balance.MinPerGenre);
        writer.WriteBoolean("balanced", s.Balance.IsBalanced);
        WriteAuditItems(writer, "genres_below_minimum", s.Balance.GenresBelowMinimum);
        WriteAuditItems(writer, "categories_missing", s.Balance.CategoriesMissing);
        writer.WriteEndObject();

        writer.WriteStartArray("length_distribution");
        foreach (var bucket in s.LengthDistribution)
        {
            writer.WriteStartObject();
            writer.WriteNumber("lower", bucket.Lower);
            writer.WriteNumber("upper_exclusive", bucket.UpperExclusive);
            writer.WriteString("label", bucket.Label);
            writer.WriteNumber("article", bucket.Article);
            writer.WriteNumber("prompt", bucket.Prompt);
            writer.WriteNumber("reasoning", bucket.Reasoning);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string Serialize(DatasetStatisticsReport report, bool indented = true)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DatasetWriter.JsonOptions with { Indented = indented }))
            Write(writer, report);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRows(Utf8JsonWriter writer, string name, IReadOnlyList<StatisticsRow> rows)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows) WriteRow(writer, row);
        writer.WriteEndArray();
    }

    private static void WriteRow(Utf8JsonWriter writer, StatisticsRow row)
    {
        writer.WriteStartObject();
        writer.WriteString("level", row.Level.ToString().ToLowerInvariant());
        writer.WriteString("id", row.Id);
        writer.WriteString("name_zh", row.NameZh);
        writer.WriteString("name_en", row.NameEn);
        writer.WriteString("category_id", row.CategoryId);
        writer.WriteNumber("count", row.Count);
        writer.WriteNumber("share_percent", row.SharePercent);
        foreach (var field in Enum.GetValues<TextField>())
        {
            var lengths = row[field];
            writer.WriteStartObject(field.ToString().ToLowerInvariant());
            WriteSummary(writer, lengths.CodePoints);
            writer.WriteStartObject("han");
            WriteSummary(writer, lengths.Han);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, LengthSummary summary)
    {
        writer.WriteNumber("min", summary.Min);
        writer.WriteNumber("mean", summary.Mean);
        writer.WriteNumber("max", summary.Max);
    }

    private static void WriteAuditItems(Utf8JsonWriter writer, string name, IReadOnlyList<BalanceAuditItem> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writer.WriteString("id", item.Id);
            writer.WriteString("name_zh", item.NameZh);
            writer.WriteString("name_en", item.NameEn);
            writer.WriteString("category_id", item.CategoryId);
            writer.WriteNumber("count", item.Count);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
