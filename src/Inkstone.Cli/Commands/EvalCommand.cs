using System.CommandLine;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval</c>: benchmark queries, generation, judging, judgment import and reports.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate models on benchmark queries: check query sets, generate answers, judge them (people or an LLM), import judgments, and report win rates, ratings and agreement (see docs/evaluation.md).");
        command.Subcommands.Add(EvalQueriesCommand.Create());
        command.Subcommands.Add(EvalGenerateCommand.Create());
        command.Subcommands.Add(EvalJudgeCommand.Create());
        command.Subcommands.Add(EvalAssignCommand.Create());
        command.Subcommands.Add(EvalImportCommand.Create());
        command.Subcommands.Add(EvalReportCommand.Create());
        return command;
    }
}
