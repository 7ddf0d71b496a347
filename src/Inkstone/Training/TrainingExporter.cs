using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Inkstone.Training;

/// <summary>
/// Writes a built plan for LLaMA-Factory: <c>data/{config}_{train|val}.jsonl</c> in the chosen format,
/// <c>dataset_info.json</c> registering each file as <c>inkstone_{config}_{train|val}</c>, one full-SFT YAML per
/// configuration, the DeepSpeed ZeRO-3 config, <c>general_order.tsv</c> (the permutation prefix, for auditing the
/// nesting) and <c>manifest.json</c> (counts, token statistics, SHA-256 of every data file). Nothing written depends
/// on the clock or the output directory, so the same plan and seed give byte-identical files.
/// </summary>
public static class TrainingExporter
{
    public const string DatasetInfoFile = "dataset_info.json";
    public const string ManifestFile = "manifest.json";
    public const string GeneralOrderFile = "general_order.tsv";

    public static string DatasetName(string configuration, bool validation) => $"inkstone_{configuration}_{(validation ? "val" : "train")}";

    public static string DataFile(string configuration, bool validation) => $"data/{configuration}_{(validation ? "val" : "train")}.jsonl";

    public static async Task<ExportResult> ExportAsync(MixReport report, string outputDirectory, ExportDataFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Mix.Stopped) throw new TrainingDataException("the mix stopped on input issues (strict mode); nothing to export");
        Directory.CreateDirectory(Path.Combine(outputDirectory, "data"));
        var files = new List<ExportedFile>();
        var registered = new List<(string Name, string File, bool System, bool History)>();

        foreach (var configuration in report.Configurations)
        {
            foreach (var (samples, validation) in new[] { (configuration.Train, false), (configuration.Validation, true) })
            {
                if (samples.Count == 0) continue;
                var relative = DataFile(configuration.Name, validation);
                var system = samples.Any(s => s.System is not null);
                var history = format == ExportDataFormat.Alpaca && samples.Any(s => s.Turns.Count > 2);
                await WriteSamplesAsync(Path.Combine(outputDirectory, relative), samples, format, system, history, cancellationToken).ConfigureAwait(false);
                files.Add(await DescribeAsync(outputDirectory, relative, samples.Count, cancellationToken).ConfigureAwait(false));
                if (format == ExportDataFormat.OpenAiMessages)
                {
                    // OpenAI's format allows only "messages" per line, so sample ids go to a side file, line for line.
                    var ids = Path.ChangeExtension(relative, ".ids.txt");
                    await File.WriteAllTextAsync(Path.Combine(outputDirectory, ids), string.Concat(samples.Select(s => s.Id + "\n")), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                    files.Add(await DescribeAsync(outputDirectory, ids, samples.Count, cancellationToken).ConfigureAwait(false));
                }

                registered.Add((DatasetName(configuration.Name, validation), relative, system, history));
            }
        }

        await TrainingJson.WriteFileAsync(Path.Combine(outputDirectory, DatasetInfoFile), w => WriteDatasetInfo(w, registered, format), cancellationToken).ConfigureAwait(false);
        files.Add(await DescribeAsync(outputDirectory, DatasetInfoFile, null, cancellationToken).ConfigureAwait(false));
        await TrainingJson.WriteFileAsync(Path.Combine(outputDirectory, LlamaFactoryYamlWriter.DeepSpeedConfigFile), DeepSpeedConfigWriter.Write, cancellationToken).ConfigureAwait(false);
        files.Add(await DescribeAsync(outputDirectory, LlamaFactoryYamlWriter.DeepSpeedConfigFile, null, cancellationToken).ConfigureAwait(false));

        foreach (var configuration in report.Configurations)
        {
            var yaml = LlamaFactoryYamlWriter.Write(
                report,
                configuration,
                DatasetName(configuration.Name, validation: false),
                configuration.Validation.Count > 0 ? DatasetName(configuration.Name, validation: true) : null);
            var relative = configuration.Name + ".yaml";
            await File.WriteAllTextAsync(Path.Combine(outputDirectory, relative), yaml, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            files.Add(await DescribeAsync(outputDirectory, relative, null, cancellationToken).ConfigureAwait(false));
        }

        await File.WriteAllTextAsync(Path.Combine(outputDirectory, GeneralOrderFile), GeneralOrder(report), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        files.Add(await DescribeAsync(outputDirectory, GeneralOrderFile, report.Mix.GeneralOrder.Count, cancellationToken).ConfigureAwait(false));
        await TrainingJson.WriteFileAsync(Path.Combine(outputDirectory, ManifestFile), w => TrainingManifestWriter.Write(w, report, format, files), cancellationToken).ConfigureAwait(false);
        files.Add(await DescribeAsync(outputDirectory, ManifestFile, null, cancellationToken).ConfigureAwait(false));
        return new ExportResult(outputDirectory, format, files);
    }

    private static async Task WriteSamplesAsync(string path, IReadOnlyList<SftSample> samples, ExportDataFormat format, bool system, bool history, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new Utf8JsonWriter(stream, TrainingJson.Compact);
            await using (writer.ConfigureAwait(false))
            {
                foreach (var sample in samples)
                {
                    SftSampleJsonWriter.Write(writer, sample, format, system, history);
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    stream.WriteByte((byte)'\n');
                    writer.Reset();
                }
            }
        }
    }

    private static void WriteDatasetInfo(Utf8JsonWriter writer, List<(string Name, string File, bool System, bool History)> datasets, ExportDataFormat format)
    {
        writer.WriteStartObject();
        foreach (var (name, file, system, history) in datasets)
        {
            writer.WriteStartObject(name);
            writer.WriteString("file_name", file);
            writer.WriteString("formatting", format == ExportDataFormat.Alpaca ? "alpaca" : "sharegpt");
            writer.WriteStartObject("columns");
            switch (format)
            {
                case ExportDataFormat.ShareGpt:
                    writer.WriteString("messages", "conversations");
                    if (system) writer.WriteString("system", "system");
                    break;
                case ExportDataFormat.Alpaca:
                    writer.WriteString("prompt", "instruction");
                    writer.WriteString("query", "input");
                    writer.WriteString("response", "output");
                    if (system) writer.WriteString("system", "system");
                    if (history) writer.WriteString("history", "history");
                    break;
                default:
                    writer.WriteString("messages", "messages");
                    break;
            }

            writer.WriteEndObject();
            if (format != ExportDataFormat.Alpaca)
            {
                var openAi = format == ExportDataFormat.OpenAiMessages;
                writer.WriteStartObject("tags");
                writer.WriteString("role_tag", openAi ? "role" : "from");
                writer.WriteString("content_tag", openAi ? "content" : "value");
                writer.WriteString("user_tag", openAi ? "user" : "human");
                writer.WriteString("assistant_tag", openAi ? "assistant" : "gpt");
                if (openAi) writer.WriteString("system_tag", "system");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string GeneralOrder(MixReport report)
    {
        var text = new StringBuilder("position\tfile\tline\tsplit\n");
        var validation = report.Plan.Validation;
        for (var i = 0; i < report.Mix.GeneralOrder.Count; i++)
        {
            var sample = report.Mix.GeneralOrder[i];
            text.Append(CultureInfo.InvariantCulture, $"{i}\t{sample.SourceFile}\t{sample.Line}\t{(validation.IsGeneralValidation(i) ? "validation" : "train")}\n");
        }

        return text.ToString();
    }

    private static async Task<ExportedFile> DescribeAsync(string directory, string relative, int? records, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, relative);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return new ExportedFile(relative, stream.Length, Convert.ToHexStringLower(hash), records);
        }
    }
}
