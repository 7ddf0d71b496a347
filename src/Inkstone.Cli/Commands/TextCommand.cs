using System.CommandLine;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone text</c>: text measurements; each subcommand is built in its own file.</summary>
public static class TextCommand
{
    public static Command Create()
    {
        var command = new Command("text", "Text tools: word segmentation (jieba-compatible) and text measurements.");
        command.Subcommands.Add(TextSegmentCommand.Create());
        return command;
    }
}
