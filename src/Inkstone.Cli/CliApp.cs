using System.CommandLine;
using Inkstone.Cli.Commands;

namespace Inkstone.Cli;

/// <summary>Builds the command tree; each verb lives in its own file under Commands/.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Inkstone (砚): build, curate and evaluate process-supervised Chinese creative-writing datasets (prompt → reasoning → text).");
        root.Subcommands.Add(TaxonomyCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(TextCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        foreach (var curation in (Command[])[InitCommand.Create(), IngestCommand.Create(), RunCommand.Create(), StatusCommand.Create(), ImportCommand.Create(), ReviewCommand.Create(), ExportCommand.Create(), ReleaseCommand.Create(), DemoCommand.Create()])
            root.Subcommands.Add(curation);
        return root;
    }
}
