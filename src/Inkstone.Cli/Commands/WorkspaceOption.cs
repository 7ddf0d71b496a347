using System.CommandLine;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;
using Inkstone.Curation.Modeling;
using Inkstone.Llm.Configuration;

namespace Inkstone.Cli.Commands;

/// <summary>The <c>--workspace</c> option of the curation verbs, and what they share: opening the workspace and its model.</summary>
public static class WorkspaceOption
{
    public static Option<DirectoryInfo> Create() => new("--workspace", "-w")
    {
        Description = "Workspace folder (holds inkstone.json); default: INKSTONE_WORKSPACE or the current folder.",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("INKSTONE_WORKSPACE") ?? "."),
    };

    public static Option<long?> Limit() => new("--limit") { Description = "Process at most this many items (records for ingest) per stage." };

    public static Option<int> Concurrency(int defaultValue) => new("--concurrency")
    {
        Description = "Items processed at once (model calls in flight; threads for ingest).",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>
    /// The model for the model stages, or null when none is configured (inkstone.json section <c>llm</c>, or
    /// INKSTONE_LLM_* variables). A model opened here has no workspace database, so no cache: verbs with a workspace use
    /// <see cref="OpenModel"/>.
    /// </summary>
    public static Func<WorkspaceConfig, ICurationModel?> ModelFactory { get; set; } = config =>
        CurationModelSession.Open(config, WorkspaceConfig.FileName, null, LlmOverrides.FromEnvironment(Environment.GetEnvironmentVariable))?.Model;

    /// <summary>
    /// The model session of a workspace: its inkstone.json <c>llm</c> section, then INKSTONE_LLM_* variables, then
    /// <paramref name="flags"/>; cache and usage records in the workspace database. Null when no model is configured.
    /// </summary>
    public static CurationModelSession? OpenModel(Workspace workspace, LlmOverrides? flags = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var overrides = LlmOverrides.FromEnvironment(Environment.GetEnvironmentVariable);
        if (flags is not null) overrides = overrides.Then(flags);
        return CurationModelSession.Open(workspace.Config, Path.Combine(workspace.Directory, WorkspaceConfig.FileName), workspace.Database, overrides);
    }

    /// <summary>
    /// Opens the workspace in <paramref name="directory"/>; a path that is no folder or no workspace is one input error
    /// naming it (exit code 2).
    /// </summary>
    public static Task<Workspace> OpenAsync(DirectoryInfo directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = directory.ToString();
        if (File.Exists(directory.FullName)) throw new CliInputException($"{path}: is a file, not a workspace folder");
        if (!Directory.Exists(directory.FullName)) throw new CliInputException($"{path}: no such folder (create a workspace with 'inkstone init {path}')");
        if (!File.Exists(Path.Combine(directory.FullName, WorkspaceConfig.FileName)))
            throw new CliInputException($"{path}: not a workspace (no {WorkspaceConfig.FileName}); create one with 'inkstone init {path}'");
        return Workspace.OpenAsync(directory.FullName, cancellationToken);
    }

    /// <summary>Progress lines go to standard error so that standard output stays parseable (--format json).</summary>
    public static void Progress(string line) => Console.Error.WriteLine(line);
}
