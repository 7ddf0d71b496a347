using System.CommandLine;
using Inkstone.Curation;
using Inkstone.Reports.Documents;

namespace Inkstone.Cli.Commands;

/// <summary>
/// <c>inkstone report curation -w WS -o report.html</c>: the funnel, acceptance rate per stage and the spread of
/// accepted triplets, from the status <c>inkstone status</c> computes.
/// </summary>
public static class ReportCurationCommand
{
    public static Command Create()
    {
        var command = new Command("curation",
            "Report on a workspace: items per state and reason (the funnel), acceptance rate per stage, accepted "
            + "triplets per genre (with the minimum per genre), platform and month.");
        var workspaceOption = WorkspaceOption.Create();
        command.Options.Add(workspaceOption);
        var report = new ReportOptions();
        report.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(workspaceOption)!;
            await using var workspace = await WorkspaceOption.OpenAsync(folder, cancellationToken).ConfigureAwait(false);
            using var font = report.ResolveFont(parse);
            var status = await new CurationStatusService(workspace.Items)
                .ComputeAsync(workspace.Config.Review.MinimumPerGenre, cancellationToken).ConfigureAwait(false);
            await report.WriteAsync(parse, CurationReport.Build(status, folder.FullName), font, cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
