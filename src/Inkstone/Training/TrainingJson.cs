using System.Text.Json;

namespace Inkstone.Training;

/// <summary>
/// Writer settings for every exported JSON file: fixed indentation, LF line ends, Chinese written as is. Fixed
/// settings (and no timestamps anywhere) are what makes two exports of the same plan byte-identical.
/// </summary>
internal static class TrainingJson
{
    /// <summary>The dataset writer's settings (<see cref="Datasets.DatasetWriter.JsonOptions"/>): one line, Chinese as is.</summary>
    public static JsonWriterOptions Compact { get; } = Datasets.DatasetWriter.JsonOptions;

    public static JsonWriterOptions Indented { get; } = Datasets.DatasetWriter.JsonOptions with
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <summary>Writes one indented JSON document ending with a newline.</summary>
    public static async Task WriteFileAsync(string path, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new Utf8JsonWriter(stream, Indented);
            await using (writer.ConfigureAwait(false))
            {
                write(writer);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            stream.WriteByte((byte)'\n');
        }
    }
}
