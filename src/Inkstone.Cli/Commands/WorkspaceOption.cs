using System.CommandLine;
using Inkstone.Curation;
using Inkstone.Curation.Modeling;

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
    /// The model for the model stages, or null when the workspace configures none. The model layer registers its
    /// factory here; until one is registered a configured model is reported, not silently ignored.
    /// </summary>
    public static Func<WorkspaceConfig, ICurationModel?> ModelFactory { get; set; } = config => config.Model is null ? null
        : throw new InvalidOperationException("inkstone.json has a 'model' section but this build has no model layer to read it; remove the section to run the model-free stages");

    public static Task<Workspace> OpenAsync(DirectoryInfo directory, CancellationToken cancellationToken) => Workspace.OpenAsync(directory.FullName, cancellationToken);

    /// <summary>
    /// Runs a verb, turning the errors a user can fix (missing workspace or file, bad configuration or input, a schema
    /// newer than this build, a missing tool) into one line on standard error and exit code 1, instead of a stack trace.
    /// </summary>
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or ArgumentException
            or NotSupportedException or UnauthorizedAccessException or Storage.WorkspaceSchemaException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Progress lines go to standard error so that standard output stays parseable (--format json).</summary>
    public static void Progress(string line) => Console.Error.WriteLine(line);
}
