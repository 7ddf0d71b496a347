using System.CommandLine;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone report dataset|curation|eval|paper</c>: figures and tables of a dataset or a workspace as one HTML file (docs/reports.md).</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report",
            "Self-contained HTML reports with figures (inline SVG, no script, nothing fetched), drawn from the numbers "
            + "of stats, status and eval report; --figures DIR also writes each figure as SVG and PNG and each table as CSV.");
        command.Subcommands.Add(ReportDatasetCommand.Create());
        command.Subcommands.Add(ReportCurationCommand.Create());
        command.Subcommands.Add(ReportEvalCommand.Create());
        command.Subcommands.Add(ReportPaperCommand.Create());
        return command;
    }
}
