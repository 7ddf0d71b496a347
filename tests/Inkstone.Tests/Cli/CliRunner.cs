using Inkstone.Cli;
using Spectre.Console;

namespace Inkstone.Tests.Cli;

/// <summary>
/// Runs the CLI in process as <c>Program</c> does (parse errors and the verb guard included), capturing standard output
/// and standard error. Tests using it belong to <see cref="ConsoleCollection"/>: the console is process-wide.
/// </summary>
public static class CliRunner
{
    public sealed record Result(int Exit, string Output, string Errors)
    {
        public string All => Output + Errors;

        /// <summary>
        /// The verb exited with <paramref name="exit"/> and wrote exactly one <c>error:</c> line (progress lines may come
        /// first) that mentions <paramref name="mentions"/>, and no stack trace anywhere (docs/cli.md).
        /// </summary>
        public void AssertOneError(int exit, string mentions)
        {
            Assert.Equal(exit, Exit);
            var error = Assert.Single(Errors.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
            Assert.Contains(mentions, error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", All, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", All, StringComparison.Ordinal);
        }
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter { NewLine = "\n" };
        using var errors = new StringWriter { NewLine = "\n" };
        Console.SetOut(output);
        Console.SetError(errors);
        // Spectre keeps the writer it was created with; give it ours, and a fresh default one afterwards.
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        try
        {
            var exit = await CliApp.InvokeAsync(args, TestContext.Current.CancellationToken);
            return new Result(exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings());
        }
    }
}
