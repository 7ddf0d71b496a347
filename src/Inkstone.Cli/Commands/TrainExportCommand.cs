using System.CommandLine;
using Inkstone.Training;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone train export</c>: builds the mixes and writes data files, dataset_info.json, YAMLs and the DeepSpeed config.</summary>
public static class TrainExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Build the training mixes and write them to a directory: data files, LLaMA-Factory dataset_info.json, one full-SFT YAML per configuration, the DeepSpeed ZeRO-3 config and a manifest. Run the trainer from that directory (llamafactory-cli train cw_10k.yaml).");
        var options = new TrainPlanOptions(command);
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Directory to write the export to (created if missing; files of the same name are replaced).", Required = true };
        var dataFormatOption = new Option<string>("--data-format") { Description = "Sample files for LLaMA-Factory (llamafactory) or OpenAI chat fine-tuning 'messages' JSONL (openai); both are registered in dataset_info.json.", DefaultValueFactory = _ => "llamafactory" };
        dataFormatOption.AcceptOnlyFromAmong("llamafactory", "openai");
        var formattingOption = new Option<string>("--formatting") { Description = "LLaMA-Factory formatting of the sample files: sharegpt (conversations) or alpaca (instruction/input/output).", DefaultValueFactory = _ => "sharegpt" };
        formattingOption.AcceptOnlyFromAmong("sharegpt", "alpaca");
        var formatOption = CommonOptions.Format();
        command.Options.Add(outOption);
        command.Options.Add(dataFormatOption);
        command.Options.Add(formattingOption);
        command.Options.Add(formatOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(formatOption)!;
            var built = await options.BuildReportAsync(parse, cancellationToken).ConfigureAwait(false);
            if (built is null) return 1;
            var (report, problems) = built.Value;
            if (report.Mix.Stopped)
            {
                TrainReportRenderer.Render(report, problems, export: null, format);
                return 1;
            }

            var dataFormat = parse.GetValue(dataFormatOption) == "openai"
                ? ExportDataFormat.OpenAiMessages
                : parse.GetValue(formattingOption) == "alpaca" ? ExportDataFormat.Alpaca : ExportDataFormat.ShareGpt;
            try
            {
                var export = await TrainingExporter.ExportAsync(report, parse.GetValue(outOption)!.FullName, dataFormat, cancellationToken).ConfigureAwait(false);
                TrainReportRenderer.Render(report, problems, export, format);
                return 0;
            }
            catch (Exception ex) when (ex is TrainingDataException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
