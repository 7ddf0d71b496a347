using System.CommandLine;
using System.Globalization;
using Inkstone.Cli.Conventions;
using Inkstone.Configuration;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Taxonomy;

namespace Inkstone.Cli.Commands;

/// <summary>Options and small steps shared by the eval subcommands.</summary>
internal static class EvalOptions
{
    public static Option<FileInfo[]> Queries(bool required) => new Option<FileInfo[]>("--queries")
    {
        Description = "Query set file(s), JSONL: {\"id\",\"language\",\"genre\",\"query\",\"constraints\":{\"length\",\"style\",\"theme\"},"
            + "\"cultural_requirements\"}.",
        Required = required,
        AllowMultipleArgumentsPerToken = true,
    }.ExistingFiles();

    /// <summary><c>--generations FILE</c>: results of <c>eval generate</c>, which must exist (a missing file is not "no answers").</summary>
    public static Option<FileInfo> Generations(string description, bool required) =>
        new Option<FileInfo>("--generations") { Description = description, Required = required }.ExistingFiles();

    /// <summary>An integer option that must be at least <paramref name="minimum"/>; a smaller value is a usage error (exit 2).</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && r.GetValueOrDefault<int>() < minimum)
                r.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"{option.Name} {r.GetValueOrDefault<int>()}: must be at least {minimum}"));
        });
        return option;
    }

    /// <summary>A number option that must lie in (0, 1].</summary>
    public static Option<double> Proportion(this Option<double> option)
    {
        option.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<double>();
            if (r.Tokens.Count > 0 && !(v > 0 && v <= 1))
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} {v}: must be greater than 0 and at most 1"));
        });
        return option;
    }

    /// <summary>
    /// Reads query sets, printing each problem to standard error. Returns the queries and how many records were
    /// rejected; with <paramref name="strict"/> a problem stops the verb (exit 2).
    /// </summary>
    public static async Task<(IReadOnlyList<BenchmarkQuery> Queries, int Rejected)> ReadQueriesAsync(FileInfo[] files, GenreTaxonomy taxonomy,
        bool strict, CancellationToken cancellationToken)
    {
        var result = await QuerySetFile.ReadAsync(files.Select(f => f.FullName), taxonomy, cancellationToken).ConfigureAwait(false);
        PrintNotes(result.Notes);
        return (result.Queries, Report(result.Diagnostics, strict));
    }

    /// <summary>Notes about the input (a file named twice and read once) go to standard error.</summary>
    public static void PrintNotes(IEnumerable<string> notes)
    {
        foreach (var note in notes) Console.Error.WriteLine("note: " + note);
    }

    /// <summary>
    /// Prints every problem to standard error and returns how many records were rejected; with <paramref name="strict"/>
    /// any problem stops the verb with exit code 2.
    /// </summary>
    public static int Report(IReadOnlyCollection<ImportDiagnostic> diagnostics, bool strict)
    {
        foreach (var d in diagnostics) Console.Error.WriteLine(d.ToString());
        if (diagnostics.Count == 0) return 0;
        if (strict) throw new CliInputException($"{diagnostics.Count} record(s) with problems; stopping (--strict)");
        Console.Error.WriteLine($"{diagnostics.Count} record(s) rejected (listed above); going on with the rest");
        return diagnostics.Count;
    }

    /// <summary>
    /// Every name in <paramref name="names"/> must be one of <paramref name="known"/>; otherwise exit 2 naming it and the
    /// known ones. <paramref name="where"/> says where the known names come from.
    /// </summary>
    public static void RequireKnown(string option, IEnumerable<string> names, IEnumerable<string> known, string where)
    {
        var set = known.ToHashSet(StringComparer.Ordinal);
        var unknown = names.Where(n => !set.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0) return;
        var list = set.Count == 0 ? "none" : string.Join(", ", set.Order(StringComparer.Ordinal));
        var hint = unknown.Count == 1 ? NameSuggestion.Hint(unknown[0], set) : "";
        throw new CliInputException(
            $"{option}: no model named {string.Join(", ", unknown.Select(u => $"'{u}'"))} in {where}{hint}; known: {list}");
    }

    /// <summary>Parses NAME=MODEL pairs; a malformed pair is a usage error naming the option.</summary>
    public static Dictionary<string, string> Map(IEnumerable<string>? pairs, string option)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs ?? [])
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == p.Length - 1) throw new CliInputException($"{option}: expected NAME=MODEL, got '{p}'");
            map[p[..eq].Trim()] = p[(eq + 1)..].Trim();
        }
        return map;
    }

    /// <summary>The exit code of a verb that read records: 3 when its check failed, else 1 when any record was rejected.</summary>
    public static int ExitCode(bool checkFailed, long rejected) =>
        checkFailed ? ExitCodes.CheckFailed : ExitCodes.FromRejections(rejected);
}
