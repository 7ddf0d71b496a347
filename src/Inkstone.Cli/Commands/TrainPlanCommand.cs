using System.CommandLine;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone train plan</c>: builds the mixes and prints the table of configurations and token statistics.</summary>
public static class TrainPlanCommand
{
    public static Command Create()
    {
        var command = new Command("plan", "Build the training mixes of a plan and print, per mix: process and general counts, total, train/validation split and token statistics. "
            + "Writes nothing. Exit code 1 when records were rejected, 2 on an input error or with --strict.");
        var options = new TrainPlanOptions(command);
        var formatOption = CommonOptions.Format(tables: true);
        command.Options.Add(formatOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(formatOption)!;
            var (report, problems) = await options.BuildReportAsync(parse, cancellationToken).ConfigureAwait(false);
            TrainReportRenderer.Render(report, problems, export: null, format);
            return TrainPlanOptions.ExitCode(report, problems);
        });
        return command;
    }
}
