using System.CommandLine;
using Inkstone.Datasets;
using Inkstone.Statistics;
using Inkstone.Taxonomy;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone stats DATASET</c>: the paper's Tables 5–10 for a dataset file, the balance audit and the length distribution.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats",
            "Per category and per genre: count, share and min/mean/max length (Unicode code points) of article, prompt and reasoning; "
            + "then the balance audit and the length distribution in half-decade buckets. Problems with records go to standard error. "
            + "Exit code 1 when records were rejected, 2 on an input error or with --strict.");
        var dataset = new DatasetCommandOptions();
        dataset.AddTo(command);
        var formatOption = CommonOptions.Format(tables: true);
        var byOption = new Option<string>("--by") { Description = "Rows after the overall row: all (categories with their genres), category or genre.", DefaultValueFactory = _ => "all" };
        byOption.AcceptOnlyFromAmong("all", "category", "genre");
        var hanOption = new Option<bool>("--han") { Description = "Also show lengths counted in Han characters (JSON always has them)." };
        var minOption = new Option<int>("--min-per-genre")
        {
            Description = "Balance audit: genres with fewer accepted records are listed (the paper's rule is 15).",
            DefaultValueFactory = _ => DatasetStatisticsOptions.PaperMinPerGenre,
        };
        command.Options.Add(formatOption);
        command.Options.Add(byOption);
        command.Options.Add(hanOption);
        command.Options.Add(minOption);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = await dataset.DatasetFileAsync(parse, cancellationToken).ConfigureAwait(false);
            var readOptions = dataset.ReadOptions(parse);
            var printer = new ProblemPrinter(Console.Error, "use --rejects FILE to keep every rejected record");
            // --strict stops at the first problem with DatasetFormatException: an input error (exit 2) by the verb guard.
            var report = await DatasetStatisticsService.ComputeAsync(
                file.ToString(), readOptions, new DatasetStatisticsOptions { MinPerGenre = parse.GetValue(minOption) },
                parse.GetValue(dataset.Rejects)?.FullName, p => printer.Print(p.ToString()), cancellationToken).ConfigureAwait(false);
            printer.PrintOmitted();

            var grouping = Enum.Parse<StatisticsGrouping>(parse.GetValue(byOption)!, ignoreCase: true);
            var han = parse.GetValue(hanOption);
            switch (parse.GetValue(formatOption))
            {
                case "json":
                    Console.Out.WriteLine(DatasetStatisticsJson.Serialize(report));
                    break;
                case "md":
                    // md and csv keep their own writers: the csv carries unrounded numbers for checking against references.
                    DatasetStatisticsText.WriteMarkdown(Console.Out, report, grouping, han);
                    break;
                case "csv":
                    DatasetStatisticsText.WriteCsv(Console.Out, report, grouping, han);
                    break;
                default:
                    StatsConsoleRenderer.Write(report, grouping, han);
                    break;
            }
            return DatasetCommandOptions.ExitCode(report.Summary);
        });
        return command;
    }
}
