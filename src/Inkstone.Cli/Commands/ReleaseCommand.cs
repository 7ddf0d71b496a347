using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
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
        var format = CommonOptions.Format();
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var itemId = parse.GetValue(id)!;
            var (outcome, field, error) = await new PublishedDateImporter(workspace.Items, workspace.Config.Ingest.PublishedOnOrAfter)
                .ReleaseAsync(itemId, parse.GetValue(publishedAt), parse.GetValue(by), null, ct);
            if (error is not null) throw new CliInputException($"{(field == "source_id" ? "--id" : field == "published_at" ? "--published-at" : "--" + field)}: {error}");
            if (parse.GetValue(format) == "json")
                Console.Out.WriteLine(JsonSerializer.Serialize(new { id = itemId, outcome }, CliJson.Indented));
            else Console.Out.WriteLine(outcome == "already" ? $"{itemId}: already released with that date" : $"{itemId}: held → {outcome}; run 'inkstone run' to process it");
            return 0;
        });
        return command;
    }
}
