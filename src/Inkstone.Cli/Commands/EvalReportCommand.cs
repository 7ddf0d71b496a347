using System.CommandLine;
using Inkstone.Cli.Rendering;
using Inkstone.Evaluation.Reports;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval report</c>: win rates, significance, ratings, length control, agreement, per-genre results.</summary>
public static class EvalReportCommand
{
    private const string Help = "Report on judgments: win-rate matrix per language (row beats column, ties ½) with sign-test marks and "
        + "Wilson intervals, Bradley–Terry ratings with bootstrap intervals, length-controlled win rate against a baseline, per-genre "
        + "win rates, annotator agreement (Cohen, Fleiss, Krippendorff), rubric means, LLM-judge quality, and with --generations the "
        + "answer lengths, lexical diversity and cross-lingual contamination per model. Definitions: docs/evaluation.md. Exit code 3 "
        + "when a length-controlled fit did not converge, 1 when an input record was rejected.";

    public static Command Create()
    {
        var command = new Command("report", Help);
        var inputs = new EvalReportInputs();
        var format = CommonOptions.Format(tables: true);
        var output = CommonOptions.Output("Write the report to this file instead of standard output.", required: false);
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var (report, rejected) = await inputs.BuildAsync(parse, ct).ConfigureAwait(false);
            await WriteAsync(report, parse.GetValue(format)!, parse.GetValue(output)?.FullName, ct).ConfigureAwait(false);
            return EvalReportInputs.ExitCode(report, rejected);
        });
        return command;
    }

    /// <summary>The report in the chosen format, on standard output or into the --output file (text tables then have no width limit).</summary>
    private static async Task WriteAsync(EvaluationReport report, string format, string? file, CancellationToken cancellationToken)
    {
        var tables = EvaluationReportTables.Build(report);
        if (file is null)
        {
            if (format == "json") Console.Out.WriteLine(EvaluationReportJson.Build(report).ToJsonString(CliJson.Indented));
            else ReportTableOutput.Write(Console.Out, tables, format, report.Notes);
            return;
        }
        using var writer = new StringWriter { NewLine = "\n" };
        switch (format)
        {
            case "json": writer.WriteLine(EvaluationReportJson.Build(report).ToJsonString(CliJson.Indented)); break;
            case "text": TextTableWriter.Write(writer, tables, int.MaxValue, report.Notes); break;
            default: ReportTableOutput.Write(writer, tables, format, report.Notes); break;
        }
        await File.WriteAllTextAsync(file, writer.ToString(), cancellationToken).ConfigureAwait(false);
        Console.Error.WriteLine($"report ({format}) → {file}");
    }
}
