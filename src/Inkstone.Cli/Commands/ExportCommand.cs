using System.CommandLine;
using Inkstone.Curation;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone export</c>: accepted triplets in the released JSONL layout.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Export accepted triplets as JSONL (id, query, thought, answer, metadata with genre, scores and provenance).");
        var workspaceOption = WorkspaceOption.Create();
        var output = new Option<FileInfo>("--output", "-o") { Description = "JSONL file to write (replaced atomically).", Required = true };
        command.Options.Add(workspaceOption);
        command.Options.Add(output);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var count = await new TripletExporter(workspace.Items).ExportAsync(parse.GetValue(output)!.FullName, ct);
            Console.Out.WriteLine($"{count:N0} accepted triplets written to {parse.GetValue(output)!.FullName}");
            return 0;
        }));
        return command;
    }
}
