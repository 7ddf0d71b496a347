using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;
using Inkstone.Curation.Items;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone items export-tasks</c>: a task file for annotators, read back by <c>inkstone import annotations</c>.</summary>
public static class ItemsExportTasksCommand
{
    public static Command Create()
    {
        var command = new Command("export-tasks", "Write one annotation task per item waiting for annotation: source_id, genre, the article, the stored LLM analyses and draft, the reviewer's note for revised items, and empty annotator, query and thought fields. Fill them in and read the file back with 'inkstone import annotations'.");
        var workspaceOption = WorkspaceOption.Create();
        var output = CommonOptions.Output("Task file to write (replaced atomically): .jsonl or .csv.", required: true);
        var states = new Option<string[]>("--state")
        {
            Description = "States to export (comma or space separated; default ready, drafted, revise: the states that take annotations).",
            AllowMultipleArgumentsPerToken = true,
        };
        var dataFormat = new Option<string?>("--data-format") { Description = "jsonl or csv; default: from the output's extension (.csv, else jsonl)." };
        dataFormat.AcceptOnlyFromAmong("jsonl", "csv");
        var limit = WorkspaceOption.Limit();
        var format = CommonOptions.Format();
        command.Options.Add(workspaceOption);
        command.Options.Add(output);
        command.Options.Add(states);
        command.Options.Add(dataFormat);
        command.Options.Add(limit);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            var chosen = ParseStates(parse.GetValue(states));
            var path = parse.GetValue(output)!.FullName;
            var csv = parse.GetValue(dataFormat) is { } f ? f == "csv" : Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var count = await new AnnotationTaskExporter(workspace.Items).ExportAsync(path, chosen, csv, parse.GetValue(limit), ct);
            var names = chosen.Select(s => s.ToStorage()).ToList();
            if (parse.GetValue(format) == "json")
                Console.Out.WriteLine(JsonSerializer.Serialize(new { exported = count, output = path, data_format = csv ? "csv" : "jsonl", states = names }, CliJson.Indented));
            else Console.Out.WriteLine($"{count:N0} annotation tasks ({string.Join(", ", names)}) written to {path}");
            if (count == 0) Console.Error.WriteLine($"no item is in {string.Join(", ", names)}; 'inkstone status' shows where the items are");
            return 0;
        });
        return command;
    }

    private static List<CurationState> ParseStates(string[]? values)
    {
        var names = values?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() ?? [];
        if (names.Count == 0) return [.. AnnotationTaskExporter.AnnotatableStates];
        var states = names.Select(n => ItemsCommand.ParseState(n)).Distinct().ToList();
        var other = states.Where(s => !AnnotationTaskExporter.AnnotatableStates.Contains(s)).ToList();
        if (other.Count > 0)
            throw new CliInputException($"--state: {string.Join(", ", other.Select(s => s.ToStorage()))} take no annotations; annotation tasks are for ready, drafted or revise items");
        return states;
    }
}
