using System.CommandLine;
using System.Globalization;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;
using Inkstone.Llm;
using Inkstone.Llm.Configuration;

namespace Inkstone.Cli.Commands;

/// <summary>
/// What `eval generate` and `eval judge` share with every model verb: the model flags, the workspace whose database
/// holds the response cache and per-run usage, opening the model layer's session, and the usage record at the end.
/// </summary>
internal sealed class EvalLlmSession
{
    private readonly Option<DirectoryInfo> _workspace = WorkspaceOption.Create();

    public EvalLlmSession(Command command)
    {
        Flags = new LlmCliOptions(command);
        _workspace.Description = "Workspace folder (holds inkstone.json): its database keeps the response cache and each run's usage, "
            + "its inkstone.json the models (unless --config is given). Default: INKSTONE_WORKSPACE or the current folder "
            + "when that is a workspace; otherwise the verb runs without a response cache.";
        command.Options.Add(_workspace);
    }

    public LlmCliOptions Flags { get; }

    /// <summary>
    /// Opens the workspace (when there is one) and the model session over its database. The models come from
    /// <c>--config</c> when given, else from the workspace's inkstone.json; INKSTONE_LLM_* variables and the flags
    /// amend them. An explicit <c>-w</c> that is not a workspace is an input error (exit 2).
    /// </summary>
    public async Task<EvalModelSession> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var folder = parse.GetValue(_workspace)!;
        var explicitFolder = parse.GetResult(_workspace) is { Implicit: false };
        var isWorkspace = File.Exists(Path.Combine(folder.FullName, WorkspaceConfig.FileName));
        if (explicitFolder && !isWorkspace)
        {
            var shown = parse.GetResult(_workspace)!.Tokens[0].Value;
            throw new CliInputException(Directory.Exists(folder.FullName)
                ? $"{shown}: not a workspace (no {WorkspaceConfig.FileName}); create one with 'inkstone init {shown}'"
                : $"{shown}: no such folder");
        }

        Workspace? workspace = null;
        if (isWorkspace) workspace = await Workspace.OpenAsync(folder.FullName, cancellationToken).ConfigureAwait(false);
        else
            Console.Error.WriteLine($"note: {folder.FullName} is not a workspace (no {WorkspaceConfig.FileName}): running without a response cache, "
                + "and usage is not recorded; give -w DIR to use one");
        try
        {
            var configFile = Flags.ConfigFile(parse)?.FullName
                ?? (workspace is null ? null : Path.Combine(workspace.Directory, WorkspaceConfig.FileName));
            var environment = LlmOverrides.FromEnvironment(Environment.GetEnvironmentVariable);
            var settings = configFile is null
                ? LlmSettingsLoader.Apply(new LlmSettings(), environment.Then(Flags.Overrides(parse)))
                : LlmSettingsLoader.Load(configFile, environment, Flags.Overrides(parse));
            return new EvalModelSession(new LlmSession(settings, workspace?.Database), workspace);
        }
        catch
        {
            if (workspace is not null) await workspace.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stores the usage figures under a run id naming the verb and its start time; null without a workspace.</summary>
    public static async Task<string?> SaveUsageAsync(EvalModelSession session, string verb, DateTimeOffset startedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Workspace is null) return null;
        var runId = string.Create(CultureInfo.InvariantCulture, $"{verb} {startedAt:yyyy-MM-ddTHH:mm:ss.fffZ}");
        await session.Llm.SaveUsageAsync(runId, cancellationToken).ConfigureAwait(false);
        Console.Error.WriteLine($"usage recorded as run '{runId}' in {session.Workspace.Directory}");
        return runId;
    }
}
