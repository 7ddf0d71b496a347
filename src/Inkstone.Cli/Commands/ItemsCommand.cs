using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.Rendering;
using Inkstone.Curation;
using Inkstone.Curation.Items;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone items list|show|export-tasks</c>: the items of a workspace, one item in full, annotation task files.</summary>
public static class ItemsCommand
{
    public static Command Create()
    {
        var command = new Command("items", "The items of a workspace: list them by state and genre, show one in full (text, analyses, drafts, scores, reviews, audit trail), export annotation tasks.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(ItemsExportTasksCommand.Create());
        return command;
    }

    /// <summary>The state named by <paramref name="name"/>; an unknown name is an input error listing the states.</summary>
    internal static CurationState ParseState(string name, string option = "--state") =>
        CurationStates.TryParse(name.Trim(), out var state) ? state
            : throw new CliInputException($"{option}: unknown state '{name}'; states are {string.Join(", ", Enum.GetValues<CurationState>().Select(s => s.ToStorage()))}");

    private static Command List()
    {
        var command = new Command("list", "Items in id order: id, state, reason, genre, title (or the first characters of the text), last change.");
        var workspaceOption = WorkspaceOption.Create();
        var state = new Option<string?>("--state") { Description = "Only items in this state (ingested, assessed, ready, quarantined, …)." };
        var genre = new Option<string?>("--genre") { Description = "Only items of this genre id." };
        var limit = new Option<int>("--limit") { Description = "At most this many items (default 100).", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() <= 0) r.AddError("--limit: must be at least 1"); });
        var format = CommonOptions.Format(tables: true);
        command.Options.Add(workspaceOption);
        command.Options.Add(state);
        command.Options.Add(genre);
        command.Options.Add(limit);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            CurationState? only = parse.GetValue(state) is { } name ? ParseState(name) : null;
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var max = parse.GetValue(limit);
            // One more than asked for tells whether the list was cut.
            var items = await new ItemQueryService(workspace.Items).ListAsync(only, parse.GetValue(genre), max + 1, ct);
            var cut = items.Count > max;
            if (cut) items = [.. items.Take(max)];
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { items, more = cut }, CliJson.Indented));
                return 0;
            }

            var table = new ReportTable("items", ["id", "state", "reason", "genre", "title", "updated"],
                [.. items.Select(i => (IReadOnlyList<string>)[i.Id, i.State, i.ReasonCode ?? "", i.Genre ?? "", i.Title,
                    i.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)])]);
            ReportTableOutput.Write(Console.Out, [table], parse.GetValue(format)!);
            if (items.Count == 0) Console.Error.WriteLine("no items match");
            if (cut) Console.Error.WriteLine($"first {max:N0} shown; --limit N shows more");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "One item in full: text, provenance, stored analyses, drafts, annotation and scores, reviews, the whole audit trail and, when quarantined, why.");
        var workspaceOption = WorkspaceOption.Create();
        var id = new Argument<string>("id") { Description = "The item's source id." };
        var format = CommonOptions.Format();
        command.Arguments.Add(id);
        command.Options.Add(workspaceOption);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var itemId = parse.GetValue(id)!;
            var item = await new ItemQueryService(workspace.Items).ShowAsync(itemId, ct)
                ?? throw new CliInputException($"{itemId}: no item with this id in {workspace.Directory} ('inkstone items list' shows the ids)");
            if (parse.GetValue(format) == "json") Console.Out.WriteLine(JsonSerializer.Serialize(item, CliJson.Indented));
            else ItemDetailWriter.Write(Console.Out, item);
            return 0;
        });
        return command;
    }
}
