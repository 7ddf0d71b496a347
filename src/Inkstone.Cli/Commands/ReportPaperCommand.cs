using System.CommandLine;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;
using Inkstone.Datasets;
using Inkstone.Reports.Documents;
using Inkstone.Statistics;

namespace Inkstone.Cli.Commands;

/// <summary>
/// <c>inkstone report paper JUDGMENTS… --dataset FILE [-w WS] -o report.html</c>: the dataset, evaluation and
/// (with a workspace) curation reports in the paper's order, one HTML file.
/// </summary>
public static class ReportPaperCommand
{
    public static Command Create()
    {
        var command = new Command("paper",
            "The paper's analysis in one report: the dataset report of --dataset (Figs. 3 and 6, Tables 5–10), the "
            + "evaluation report of the judgments (Table 2 heat maps, ratings, Figs. 4–5, 7–8; the options of `eval "
            + "report`) and, with -w, the curation report of the workspace, in the paper's order. Exit code 1 when "
            + "records were rejected, 3 when a length-controlled fit did not converge, 2 on an input error.");
        var dataset = new Option<FileInfo>("--dataset")
        {
            Description = "Dataset file (JSON array, JSON Lines or Parquet) for Figs. 3 and 6 and Tables 5–10.", Required = true,
        }.ExistingFiles();
        var workspace = new Option<DirectoryInfo?>("--workspace", "-w")
        {
            Description = "Workspace folder: adds the curation report (funnel, acceptance rates, agreement, work per person).",
        }.ExistingFolders();
        var minPerGenre = new Option<int>("--min-per-genre")
        {
            Description = "The balance rule drawn in Fig. 6 and audited (the paper's rule is 15).",
            DefaultValueFactory = _ => DatasetStatisticsOptions.PaperMinPerGenre,
        };
        command.Options.Add(dataset);
        command.Options.Add(workspace);
        command.Options.Add(minPerGenre);
        var inputs = new EvalReportInputs();
        inputs.AddTo(command);
        var report = new ReportOptions();
        report.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(dataset)!;
            if (await DatasetFormatDetector.DescribeUnrecognisedAsync(file.FullName, cancellationToken).ConfigureAwait(false) is { } what)
                throw new CliInputException($"{file}: not a dataset file (JSON array, JSON Lines or Parquet): {what}");
            using var font = report.ResolveFont(parse);
            var printer = new ProblemPrinter(Console.Error, "run `inkstone validate` on the dataset to list every rejected record");
            var readOptions = new DatasetReadOptions
            {
                Strict = parse.GetValue(inputs.Strict),
                Taxonomy = CommonOptions.LoadTaxonomy(parse.GetValue(inputs.Taxonomy)),
            };
            var statistics = await DatasetStatisticsService.ComputeAsync(file.FullName, readOptions,
                new DatasetStatisticsOptions { MinPerGenre = parse.GetValue(minPerGenre) }, null, p => printer.Print(p.ToString()),
                cancellationToken).ConfigureAwait(false);
            printer.PrintOmitted();
            var datasetExit = DatasetCommandOptions.ExitCode(statistics.Summary);
            if (datasetExit == ExitCodes.InputError) throw new CliInputException($"{file}: the dataset could not be read");

            ReportDocument? curation = null;
            if (parse.GetValue(workspace) is { } folder)
            {
                await using var ws = await WorkspaceOption.OpenAsync(folder, cancellationToken).ConfigureAwait(false);
                var status = await new CurationStatusService(ws.Items)
                    .ComputeAsync(ws.Config.Review.MinimumPerGenre, cancellationToken).ConfigureAwait(false);
                curation = CurationReport.Build(status, folder.FullName);
            }
            var (evaluation, rejected) = await inputs.BuildAsync(parse, cancellationToken).ConfigureAwait(false);
            var document = PaperReport.Build(DatasetReport.Build(statistics), evaluation, curation,
                [new("judgments", string.Join(", ", parse.GetValue(inputs.Judgments)!.Select(f => f.Name)))]);
            await report.WriteAsync(parse, document, font, cancellationToken).ConfigureAwait(false);
            var evalExit = EvalReportInputs.ExitCode(evaluation, rejected);
            return evalExit == ExitCodes.CheckFailed ? evalExit : Math.Max(evalExit, datasetExit);
        });
        return command;
    }
}
