using System.CommandLine;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone text</c>: text analytics verbs (lexical diversity, lengths, near-duplicates).</summary>
public static class TextCommand
{
    public static Command Create()
    {
        var command = new Command("text", "Text analytics: lexical diversity, lengths and scripts, near-duplicates. See docs/text-metrics.md.");
        command.Subcommands.Add(TextTtrCommand.Create());
        command.Subcommands.Add(TextLengthsCommand.Create());
        command.Subcommands.Add(TextDedupCommand.Create());
        return command;
    }
}
