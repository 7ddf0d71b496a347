using System.CommandLine;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Taxonomy;

namespace Inkstone.Cli.Commands;

/// <summary>Options and small steps shared by the eval subcommands.</summary>
internal static class EvalOptions
{
    public static Option<FileInfo[]> Queries(bool required) => new("--queries")
    {
        Description = "Query set file(s), JSONL: {\"id\",\"language\",\"genre\",\"query\",\"constraints\":{\"length\",\"style\",\"theme\"},\"cultural_requirements\"}.",
        Required = required,
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<bool> Strict() => new("--strict") { Description = "Stop with exit code 1 if any input record has a problem (default: report it and go on)." };

    public static async Task<(IReadOnlyList<BenchmarkQuery> Queries, bool Ok)> ReadQueriesAsync(FileInfo[] files, GenreTaxonomy taxonomy, bool strict, CancellationToken cancellationToken)
    {
        var result = await QuerySetFile.ReadAsync(files.Select(f => f.FullName), taxonomy, cancellationToken).ConfigureAwait(false);
        return (result.Queries, Report(result.Diagnostics, strict));
    }

    /// <summary>Prints every problem to stderr; false when --strict and there were problems.</summary>
    public static bool Report(IReadOnlyCollection<ImportDiagnostic> diagnostics, bool strict)
    {
        foreach (var d in diagnostics) Console.Error.WriteLine(d.ToString());
        if (diagnostics.Count > 0) Console.Error.WriteLine($"{diagnostics.Count} record(s) with problems{(strict ? "; stopping (--strict)" : " were skipped")}");
        return !(strict && diagnostics.Count > 0);
    }

    /// <summary>Parses NAME=MODEL pairs.</summary>
    public static Dictionary<string, string> Map(IEnumerable<string>? pairs, string option)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs ?? [])
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == p.Length - 1) throw new ArgumentException($"{option}: expected NAME=MODEL, got '{p}'");
            map[p[..eq].Trim()] = p[(eq + 1)..].Trim();
        }
        return map;
    }
}
