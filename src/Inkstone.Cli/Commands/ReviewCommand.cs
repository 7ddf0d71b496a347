using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Curation.Exchange;
using Inkstone.Curation.Review;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone review assign|export|import</c>: human review through files until the web app takes over.</summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var command = new Command("review", "Human review: assign scored triplets to reviewers, export open assignments, import decisions.");
        command.Subcommands.Add(Assign());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Assign()
    {
        var command = new Command("assign", "Assign every scored triplet to 2 reviewers (4 when flagged specialised), never its own annotator, least-loaded first.");
        var workspaceOption = WorkspaceOption.Create();
        var reviewers = new Option<string[]>("--reviewers") { Description = "Reviewer ids (comma or space separated).", Required = true, AllowMultipleArgumentsPerToken = true };
        var limit = WorkspaceOption.Limit();
        var format = CommonOptions.Format();
        command.Options.Add(workspaceOption);
        command.Options.Add(reviewers);
        command.Options.Add(limit);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var pool = parse.GetValue(reviewers)!.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var report = await new ReviewService(workspace.Items, workspace.Config.Review).AssignAsync(pool, parse.GetValue(limit), null, ct);
            if (parse.GetValue(format) == "json") { Console.Out.WriteLine(JsonSerializer.Serialize(report, CliJson.Indented)); return ExitCodes.FromRejections(report.Problems.Count); }
            Console.Out.WriteLine($"assigned: {report.Assigned:N0} triplets ({string.Join(", ", report.AssignmentsPerReviewer.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))})");
            foreach (var p in report.Problems) Console.Error.WriteLine($"  {p}");
            return ExitCodes.FromRejections(report.Problems.Count);
        });
        return command;
    }

    private static Command Export()
    {
        var command = new Command("export", "Write open review assignments (with the triplets) as JSONL; reviewers fill in decision, reason and comment.");
        var workspaceOption = WorkspaceOption.Create();
        var output = CommonOptions.Output("JSONL file to write.", required: true);
        var format = CommonOptions.Format();
        var reviewer = new Option<string?>("--reviewer") { Description = "Only this reviewer's assignments." };
        command.Options.Add(workspaceOption);
        command.Options.Add(output);
        command.Options.Add(reviewer);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var path = parse.GetValue(output)!.FullName;
            var count = await new ReviewService(workspace.Items, workspace.Config.Review).ExportAssignmentsAsync(path, parse.GetValue(reviewer), ct);
            if (parse.GetValue(format) == "json") Console.Out.WriteLine(JsonSerializer.Serialize(new { exported = count, output = path }, CliJson.Indented));
            else Console.Out.WriteLine($"{count:N0} open assignments written to {path}");
            return 0;
        });
        return command;
    }

    private static Command Import() =>
        ImportCommand.Build("import", "Import review decisions (JSONL or CSV: source_id, round, reviewer, decision accept|revise|remove, reason, comment) and resolve completed rounds.",
            (workspace, path, ct) => new ReviewService(workspace.Items, workspace.Config.Review).ImportDecisionsAsync(path, null, ct));
}
