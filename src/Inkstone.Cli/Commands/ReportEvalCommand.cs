using System.CommandLine;
using Inkstone.Reports.Documents;

namespace Inkstone.Cli.Commands;

/// <summary>
/// <c>inkstone report eval JUDGMENTS… -o report.html</c>: Table 2 as heat maps, Bradley–Terry intervals, Figs. 4–5,
/// contamination, behaviours, genres, LC win rates and judge agreement, from the report <c>eval report</c> computes.
/// </summary>
public static class ReportEvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval",
            "Report on judgments (the options of `eval report`): Table 2 as win-rate heat maps per language with n and "
            + "sign-test marks, Bradley–Terry ratings with bootstrap intervals, and where the inputs give them: answer "
            + "length box plots (Fig. 4), TTR/MATTR (Fig. 5), contamination, reasoning behaviours (Figs. 7–8), per-genre "
            + "and length-controlled win rates, LLM-judge agreement with people; the tables of `eval report`. Exit code "
            + "1 when an input record was rejected, 3 when a length-controlled fit did not converge (the report is "
            + "still written), 2 on an input error.");
        var inputs = new EvalReportInputs();
        inputs.AddTo(command);
        var report = new ReportOptions();
        report.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var font = report.ResolveFont(parse);
            var (evaluation, rejected) = await inputs.BuildAsync(parse, cancellationToken).ConfigureAwait(false);
            var document = EvalReport.Build(evaluation, [new("judgments", string.Join(", ", parse.GetValue(inputs.Judgments)!.Select(f => f.Name)))]);
            await report.WriteAsync(parse, document, font, cancellationToken).ConfigureAwait(false);
            return EvalReportInputs.ExitCode(evaluation, rejected);
        });
        return command;
    }
}
