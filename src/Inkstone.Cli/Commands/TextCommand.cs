using System.CommandLine;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone text</c>: word segmentation and text measurements; each subcommand is built in its own file.</summary>
public static class TextCommand
{
    public static Command Create()
    {
        var command = new Command("text", "Text tools: jieba-compatible word segmentation, lexical diversity, lengths and near-duplicates.");
        command.Subcommands.Add(TextSegmentCommand.Create());
        command.Subcommands.Add(TextTtrCommand.Create());
        command.Subcommands.Add(TextLengthsCommand.Create());
        command.Subcommands.Add(TextDedupCommand.Create());
        return command;
    }
}
