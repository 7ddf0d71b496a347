using System.CommandLine;
using System.CommandLine.Invocation;
using System.Data.Common;
using System.Text.Json;
using Inkstone.Datasets;
using Inkstone.Llm.Backends;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;
using Inkstone.Storage;
using Inkstone.Taxonomy;
using Inkstone.Training;

namespace Inkstone.Cli.Conventions;

/// <summary>
/// The one guard around every verb: an exception never reaches the user as a stack trace. Errors the user can fix
/// (paths, formats, configuration, databases) become one <c>error:</c> line naming what to fix and
/// <see cref="ExitCodes.InputError"/>; anything else is reported as a defect with <see cref="ExitCodes.InternalError"/>.
/// <c>--verbose</c> adds the stack trace.
/// </summary>
public static class VerbGuard
{
    /// <summary>The root's recursive <c>--verbose</c> option.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show the stack trace of an error (for bug reports).",
        Recursive = true,
    };

    /// <summary>Wraps the action of <paramref name="command"/> and of every command below it.</summary>
    public static void Apply(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Action = command.Action switch
        {
            AsynchronousCommandLineAction a and not GuardedAction => new GuardedAction(a),
            SynchronousCommandLineAction s => new GuardedAction(new SynchronousAdapter(s)),
            var other => other,
        };
        foreach (var sub in command.Subcommands) Apply(sub);
    }

    /// <summary>Writes the error line(s) for <paramref name="exception"/> and returns the exit code.</summary>
    public static int Report(Exception exception, TextWriter error, bool verbose, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var (code, message) = Classify(exception, cancelled);
        error.WriteLine("error: " + message);
        if (verbose) error.WriteLine(exception.ToString());
        else if (code == ExitCodes.InternalError) error.WriteLine("(this is a defect of Inkstone; run again with --verbose for the stack trace)");
        return code;
    }

    internal static (int Code, string Message) Classify(Exception exception, bool cancelled)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        return exception switch
        {
            OperationCanceledException when cancelled => (ExitCodes.Interrupted, "interrupted; work recorded so far is kept (re-run to continue)"),
            CliInputException e => (e.ExitCode, e.Message),
            EndpointUnavailableException e => (ExitCodes.CheckFailed, OneLine(e.Message) + " (nothing was quarantined for it; re-run when the server answers)"),
            FileNotFoundException e => (ExitCodes.InputError, e.FileName is { Length: > 0 } f ? $"{f}: no such file" : OneLine(e.Message)),
            DirectoryNotFoundException e => (ExitCodes.InputError, OneLine(e.Message)),
            UnauthorizedAccessException e => (ExitCodes.InputError, OneLine(e.Message)),
            IOException e => (ExitCodes.InputError, OneLine(e.Message)),
            DbException e => (ExitCodes.InputError, "database: " + OneLine(e.Message)),
            JsonException e => (ExitCodes.InputError, OneLine(e.Message)),
            InvalidDataException or FormatException or LlmConfigurationException or PromptFormatException or WorkspaceSchemaException
                or TaxonomyFormatException or TrainingDataException or DatasetFormatException => (ExitCodes.InputError, OneLine(exception.Message)),
            InvalidOperationException or ArgumentException or NotSupportedException => (ExitCodes.InputError, OneLine(exception.Message)),
            _ => (ExitCodes.InternalError, $"unexpected {exception.GetType().Name}: {OneLine(exception.Message)}"),
        };
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private sealed class GuardedAction(AsynchronousCommandLineAction inner) : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.InvokeAsync(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return Report(e, parseResult.InvocationConfiguration.Error, parseResult.GetValue(Verbose), cancellationToken.IsCancellationRequested);
            }
        }
    }

    private sealed class SynchronousAdapter(SynchronousCommandLineAction inner) : AsynchronousCommandLineAction
    {
        public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default) =>
            Task.FromResult(inner.Invoke(parseResult));
    }
}
