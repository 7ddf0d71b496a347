using System.CommandLine;
using Inkstone.Reports.Documents;
using Inkstone.Statistics;

namespace Inkstone.Cli.Commands;

/// <summary>
/// <c>inkstone report dataset DATASET -o report.html</c>: Fig. 3a, 3b and 6, Tables 5–10, platform and month spread
/// and the balance audit, from the statistics <c>inkstone stats</c> computes. Exit 1 when records were rejected.
/// </summary>
public static class ReportDatasetCommand
{
    public static Command Create()
    {
        var command = new Command("dataset",
            "Report on a dataset file: category shares (Fig. 3a), length distributions (Fig. 3b), genre distribution with "
            + "the minimum per genre (Fig. 6), Tables 5–10, platform and month spread, balance audit. Problems with "
            + "records go to standard error; exit code 1 when records were rejected, 2 on an input error.");
        var dataset = new DatasetCommandOptions();
        dataset.AddTo(command);
        var report = new ReportOptions();
        report.AddTo(command);
        var minOption = new Option<int>("--min-per-genre")
        {
            Description = "The balance rule drawn in Fig. 6 and audited (the paper's rule is 15).",
            DefaultValueFactory = _ => DatasetStatisticsOptions.PaperMinPerGenre,
        };
        command.Options.Add(minOption);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = await dataset.DatasetFileAsync(parse, cancellationToken).ConfigureAwait(false);
            using var font = report.ResolveFont(parse);
            var printer = new ProblemPrinter(Console.Error, "use --rejects FILE to keep every rejected record");
            var statistics = await DatasetStatisticsService.ComputeAsync(
                file.ToString(), dataset.ReadOptions(parse), new DatasetStatisticsOptions { MinPerGenre = parse.GetValue(minOption) },
                parse.GetValue(dataset.Rejects)?.FullName, p => printer.Print(p.ToString()), cancellationToken).ConfigureAwait(false);
            printer.PrintOmitted();
            await report.WriteAsync(parse, DatasetReport.Build(statistics), font, cancellationToken).ConfigureAwait(false);
            return DatasetCommandOptions.ExitCode(statistics.Summary);
        });
        return command;
    }
}
