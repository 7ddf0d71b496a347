using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Curation;
using Inkstone.Curation.Dedup;
using Inkstone.Curation.Ingest;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone ingest</c>: reads source files into the workspace.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var command = new Command("ingest", "Ingest source texts (JSONL, CSV, HTML, .txt/.md files or folders) with provenance: normalize, deduplicate, date gate. Re-running on the same files adds nothing twice.");
        var sources = new Argument<string[]>("sources") { Description = "Files or folders to read.", Arity = ArgumentArity.OneOrMore }.ExistingPaths();
        var workspaceOption = WorkspaceOption.Create();
        var limit = WorkspaceOption.Limit();
        var concurrency = WorkspaceOption.Concurrency(1);
        var toSimplified = new Option<bool>("--to-simplified") { Description = "Convert traditional to simplified Chinese with OpenCC (needs the 'opencc' tool)." };
        var format = CommonOptions.Format();
        command.Arguments.Add(sources);
        command.Options.Add(workspaceOption);
        command.Options.Add(limit);
        command.Options.Add(concurrency);
        command.Options.Add(toSimplified);
        command.Options.Add(format);
        var strict = CommonOptions.Strict(
            "Stop with exit code 2 at the first problem in a source record (default: report every problem, store the valid records, exit 1 when a record was not stored).");
        command.Options.Add(strict);
        command.SetAction(async (parse, ct) =>
        {
            // A file named on the command line that no reader takes is a usage error, not a silently empty ingest.
            foreach (var path in parse.GetValue(sources)!)
            {
                try
                {
                    SourceReaders.For(path);
                }
                catch (NotSupportedException e)
                {
                    throw new CliInputException(e.Message);
                }
            }
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var report = await Run(workspace, parse.GetValue(sources)!, parse.GetValue(limit), parse.GetValue(concurrency),
                parse.GetValue(toSimplified), ct, strict: parse.GetValue(strict));
            if (report.StoppedAtFirstProblem)
                throw new CliInputException($"--strict: stopped at the first problem: {report.FirstErrors[0]} (records read before it are stored)");
            if (parse.GetValue(format) == "json") Console.Out.WriteLine(JsonSerializer.Serialize(report, CliJson.Indented));
            else Print(report);
            return ExitCodes.FromRejections(NotStored(report));
        });
        return command;
    }

    /// <summary>Records that did not become items because of an error (unreadable, empty, too long, id used by another text).</summary>
    internal static long NotStored(IngestReport report) => report.Failed + report.IdConflicts;

    internal static async Task<IngestReport> Run(Workspace workspace, IReadOnlyList<string> sources, long? limit, int concurrency, bool toSimplified, CancellationToken ct, bool quiet = false, bool strict = false)
    {
        var config = workspace.Config.Ingest;
        var convert = toSimplified || config.ToSimplified;
        var service = new IngestService(workspace.Items, new MinHashNearDuplicateIndex(config.NearDuplicateThreshold), convert ? OpenCcConverter.Locate() : null);
        var options = new IngestOptions
        {
            PublishedOnOrAfter = config.PublishedOnOrAfter, MaxCharacters = config.MaxCharacters, ToSimplified = convert, Limit = limit, Concurrency = concurrency,
            StopAtFirstProblem = strict, BatchSize = strict ? 1 : new IngestOptions().BatchSize,
        };
        return await service.IngestAsync(sources, options, null, quiet ? null : new Progress<IngestProgress>(p => WorkspaceOption.Progress($"ingest: {p.RecordsRead:N0} records read, {p.Stored:N0} stored, {p.Errors:N0} errors")), ct);
    }

    internal static void Print(IngestReport report)
    {
        Console.Out.WriteLine($"records read: {report.RecordsRead:N0} in {report.Elapsed.TotalSeconds:F1} s");
        foreach (var (state, count) in report.Stored.OrderBy(p => p.Key, StringComparer.Ordinal)) Console.Out.WriteLine($"  stored {state}: {count:N0}");
        Console.Out.WriteLine($"  already in the workspace: {report.AlreadyPresent:N0}; id conflicts: {report.IdConflicts:N0}; not stored (errors): {report.Failed:N0}");
        if (report.ErrorCount + report.WarningCount > 0)
        {
            Console.Out.WriteLine($"errors: {report.ErrorCount:N0}, warnings: {report.WarningCount:N0} (all listed by 'inkstone errors'; first ones below)");
            foreach (var e in report.FirstErrors.Take(20)) Console.Error.WriteLine($"  {e}");
        }
    }
}
