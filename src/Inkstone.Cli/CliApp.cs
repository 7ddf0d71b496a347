using System.CommandLine;
using System.CommandLine.Invocation;
using Inkstone.Cli.Commands;
using Inkstone.Cli.Conventions;

namespace Inkstone.Cli;

/// <summary>Builds the command tree (each verb lives in its own file under Commands/) and runs it under the CLI's conventions.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Inkstone (砚): build, curate and evaluate process-supervised Chinese creative-writing datasets (prompt → reasoning → text). Exit codes: docs/cli.md.");
        root.Options.Add(VerbGuard.Verbose);
        root.Subcommands.Add(TaxonomyCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(TextCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        foreach (var curation in (Command[])[InitCommand.Create(), IngestCommand.Create(), RunCommand.Create(), StatusCommand.Create(), ImportCommand.Create(), ReviewCommand.Create(), ExportCommand.Create(), ReleaseCommand.Create(), DemoCommand.Create(),
            ItemsCommand.Create(), ErrorsCommand.Create(), ServeCommand.Create(), UserCommand.Create()])
            root.Subcommands.Add(curation);
        VerbGuard.Apply(root);
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>: a usage error is one <c>error:</c> line per problem and a pointer to
    /// <c>--help</c>, exit code <see cref="ExitCodes.InputError"/>; a verb's own errors go through <see cref="VerbGuard"/>.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors) await Console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            var path = string.Join(' ', Path(parse.CommandResult.Command));
            await Console.Error.WriteLineAsync($"see '{path} --help'").ConfigureAwait(false);
            return ExitCodes.InputError;
        }
        // Ctrl-C / SIGTERM cancel the verb's token; the verb gets time to finish its calls in flight and record them
        // (the pipeline's grace period is 10 s) before the process is ended.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static Stack<string> Path(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? s = command; s is not null; s = s.Parents.FirstOrDefault())
            names.Push(s is RootCommand ? "inkstone" : s.Name);
        return names;
    }
}
