using System.CommandLine;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone train plan</c>: builds the mixes and prints the table of configurations and token statistics.</summary>
public static class TrainPlanCommand
{
    public static Command Create()
    {
        var command = new Command("plan", "Build the training mixes of a plan and print, per configuration: process and general counts, total, train/validation split and token statistics. Writes nothing.");
        var options = new TrainPlanOptions(command);
        var formatOption = CommonOptions.Format();
        command.Options.Add(formatOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(formatOption)!;
            var built = await options.BuildReportAsync(parse, cancellationToken).ConfigureAwait(false);
            if (built is null) return 1;
            TrainReportRenderer.Render(built.Value.Report, built.Value.ReadProblems, export: null, format);
            return built.Value.Report.Mix.Stopped ? 1 : 0;
        });
        return command;
    }
}
