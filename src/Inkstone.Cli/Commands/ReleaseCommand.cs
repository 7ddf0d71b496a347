using System.CommandLine;
using Inkstone.Curation.Exchange;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone release</c>: one held item released with a checked publication date.</summary>
public static class ReleaseCommand
{
    public static Command Create()
    {
        var command = new Command("release", "Release an item held for a missing or invalid publication date: the date is stored, audited, and the date gate re-applies (ingested, or rejected(date) when too old). For many items use 'inkstone import dates FILE'.");
        var workspaceOption = WorkspaceOption.Create();
        var id = new Option<string>("--id") { Description = "Source id of the held item.", Required = true };
        var publishedAt = new Option<string>("--published-at") { Description = "Publication date, ISO 8601 (with an offset when the time is known).", Required = true };
        var by = new Option<string>("--by") { Description = "Who checked the date (recorded in the audit).", Required = true };
        command.Options.Add(workspaceOption);
        command.Options.Add(id);
        command.Options.Add(publishedAt);
        command.Options.Add(by);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var (outcome, field, error) = await new PublishedDateImporter(workspace.Items, workspace.Config.Ingest.PublishedOnOrAfter)
                .ReleaseAsync(parse.GetValue(id), parse.GetValue(publishedAt), parse.GetValue(by), null, ct);
            if (error is not null) { Console.Error.WriteLine($"error: {field}: {error}"); return 1; }
            Console.Out.WriteLine(outcome == "already" ? $"{parse.GetValue(id)}: already released with that date" : $"{parse.GetValue(id)}: held → {outcome}; run 'inkstone run' to process it");
            return 0;
        }));
        return command;
    }
}
