using System.CommandLine;
using Inkstone.Training;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone train export</c>: builds the mixes and writes data files, dataset_info.json, YAMLs and the DeepSpeed config.</summary>
public static class TrainExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Build the training mixes and write them to a folder: data files, LLaMA-Factory dataset_info.json, one full-SFT YAML per mix, "
            + "the DeepSpeed ZeRO-3 config and a manifest. Run the trainer from that folder (llamafactory-cli train cw_10k.yaml). "
            + "Exit code 1 when records were rejected, 2 on an input error or with --strict.");
        var options = new TrainPlanOptions(command);
        var outOption = CommonOptions.OutputFolder("Folder to write the export to (created if missing; files of the same name are replaced).", required: true);
        var dataFormatOption = new Option<string>("--data-format") { Description = "Sample files for LLaMA-Factory (llamafactory) or OpenAI chat fine-tuning 'messages' JSONL (openai); both are registered in dataset_info.json.", DefaultValueFactory = _ => "llamafactory" };
        dataFormatOption.AcceptOnlyFromAmong("llamafactory", "openai");
        var formattingOption = new Option<string>("--formatting") { Description = "LLaMA-Factory formatting of the sample files: sharegpt (conversations) or alpaca (instruction/input/output).", DefaultValueFactory = _ => "sharegpt" };
        formattingOption.AcceptOnlyFromAmong("sharegpt", "alpaca");
        var formatOption = CommonOptions.Format(tables: true);
        command.Options.Add(outOption);
        command.Options.Add(dataFormatOption);
        command.Options.Add(formattingOption);
        command.Options.Add(formatOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(formatOption)!;
            var (report, problems) = await options.BuildReportAsync(parse, cancellationToken).ConfigureAwait(false);
            if (report.Mix.Stopped)
            {
                TrainReportRenderer.Render(report, problems, export: null, format);
                return TrainPlanOptions.ExitCode(report, problems);
            }

            var dataFormat = parse.GetValue(dataFormatOption) == "openai"
                ? ExportDataFormat.OpenAiMessages
                : parse.GetValue(formattingOption) == "alpaca" ? ExportDataFormat.Alpaca : ExportDataFormat.ShareGpt;
            // Write failures (IOException, UnauthorizedAccessException, TrainingDataException) are input errors by the verb guard.
            var export = await TrainingExporter.ExportAsync(report, parse.GetValue(outOption)!.FullName, dataFormat, cancellationToken).ConfigureAwait(false);
            TrainReportRenderer.Render(report, problems, export, format);
            return TrainPlanOptions.ExitCode(report, problems);
        });
        return command;
    }
}
