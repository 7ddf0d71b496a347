using System.Text.Json;

namespace Inkstone.Training;

/// <summary>Writes one rendered sample as a JSON object in the chosen export format.</summary>
public static class SftSampleJsonWriter
{
    /// <param name="writer">The writer.</param>
    /// <param name="sample">The sample.</param>
    /// <param name="format">The format.</param>
    /// <param name="systemColumn">
    /// Write <c>system</c> on every record ("" when the sample has none). A column that only some records carry
    /// is loaded as null in the others, which LLaMA-Factory does not accept, so a file has it everywhere or nowhere.
    /// </param>
    /// <param name="historyColumn">Write alpaca <c>history</c> on every record (empty for single-turn samples).</param>
    public static void Write(Utf8JsonWriter writer, SftSample sample, ExportDataFormat format, bool systemColumn, bool historyColumn)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sample);
        switch (format)
        {
            case ExportDataFormat.ShareGpt:
                writer.WriteStartObject();
                writer.WriteString("id", sample.Id);
                writer.WriteStartArray("conversations");
                foreach (var turn in sample.Turns)
                {
                    writer.WriteStartObject();
                    writer.WriteString("from", turn.Role == ChatRole.User ? "human" : "gpt");
                    writer.WriteString("value", turn.Content);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (systemColumn) writer.WriteString("system", sample.System ?? "");
                writer.WriteEndObject();
                break;

            case ExportDataFormat.Alpaca:
                writer.WriteStartObject();
                writer.WriteString("id", sample.Id);
                writer.WriteString("instruction", sample.Turns[^2].Content);
                writer.WriteString("input", "");
                writer.WriteString("output", sample.Turns[^1].Content);
                if (systemColumn) writer.WriteString("system", sample.System ?? "");
                if (historyColumn)
                {
                    writer.WriteStartArray("history");
                    for (var i = 0; i < sample.Turns.Count - 2; i += 2)
                    {
                        writer.WriteStartArray();
                        writer.WriteStringValue(sample.Turns[i].Content);
                        writer.WriteStringValue(sample.Turns[i + 1].Content);
                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                break;

            case ExportDataFormat.OpenAiMessages:
                writer.WriteStartObject();
                writer.WriteStartArray("messages");
                if (sample.System is not null) WriteMessage(writer, "system", sample.System);
                foreach (var turn in sample.Turns)
                    WriteMessage(writer, turn.Role == ChatRole.User ? "user" : "assistant", turn.Content);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    private static void WriteMessage(Utf8JsonWriter writer, string role, string content)
    {
        writer.WriteStartObject();
        writer.WriteString("role", role);
        writer.WriteString("content", content);
        writer.WriteEndObject();
    }
}
