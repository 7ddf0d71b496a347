using System.CommandLine;
using System.Globalization;
using Inkstone.Llm;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Prompts;

namespace Inkstone.Cli.Commands;

/// <summary>
/// What `eval generate` and `eval judge` share with every model verb: the model flags, the workspace database holding the
/// response cache and per-run usage, opening the model layer's session, and the usage table and record at the end.
/// </summary>
internal sealed class EvalLlmSession
{
    private readonly Option<FileInfo> _workspace = new("--workspace")
    {
        Description = "Workspace database (SQLite) holding the model response cache and each run's usage; created if missing.",
        DefaultValueFactory = _ => new FileInfo("workspace.db"),
    };

    public EvalLlmSession(Command command)
    {
        Flags = new LlmCliOptions(command);
        command.Options.Add(_workspace);
    }

    public LlmCliOptions Flags { get; }

    /// <summary>The session over inkstone.json, INKSTONE_LLM_* and the flags; null (with the error printed, naming file and field) for a bad configuration.</summary>
    public async Task<(LlmSession? Session, LlmSettings Settings)> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (!Flags.TryLoad(parse, out var settings)) return (null, settings);
        try
        {
            return (await LlmSession.OpenAsync(settings, parse.GetValue(_workspace)!.FullName, cancellationToken: cancellationToken).ConfigureAwait(false), settings);
        }
        catch (PromptFormatException e)
        {
            Console.Error.WriteLine("configuration error: " + e.Message);
            return (null, settings);
        }
    }

    /// <summary>Prints the usage table and stores the figures under a run id naming the verb and its start time.</summary>
    public static async Task FinishAsync(LlmSession session, string verb, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        UsageReport.Write(session.Ledger);
        var runId = string.Create(CultureInfo.InvariantCulture, $"{verb} {startedAt:yyyy-MM-ddTHH:mm:ss.fffZ}");
        await session.SaveUsageAsync(runId, cancellationToken).ConfigureAwait(false);
        Console.Error.WriteLine($"usage recorded as run '{runId}'");
    }
}
