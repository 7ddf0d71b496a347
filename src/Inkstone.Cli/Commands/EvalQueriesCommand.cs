using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.Rendering;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Inkstone.Reports;
using Inkstone.Taxonomy;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval queries</c>: validate query sets, show genre coverage, check leakage, export a merged set.</summary>
public static class EvalQueriesCommand
{
    private const string Help = "Validate benchmark query sets (JSONL), show how many queries each genre has per language, check them for "
        + "near-duplicates in a training dataset, and export the merged, normalised set. Exit code 3 when a genre is below the minimum "
        + "or a near-duplicate is found, 1 when a record was rejected.";

    public static Command Create()
    {
        var command = new Command("queries", Help);
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "Query set file(s), JSONL.", Arity = ArgumentArity.OneOrMore,
        }.ExistingFiles();
        var taxonomy = CommonOptions.Taxonomy();
        var minimum = new Option<int>("--min-per-genre")
        {
            Description = "Genres with fewer queries than this in a language are listed as missing (at least 1).", DefaultValueFactory = _ => 2,
        }.AtLeast(1);
        var leakage = new Option<FileInfo[]>("--leakage")
        {
            Description = "Training dataset(s), JSONL, to search for near-duplicates of the queries.", AllowMultipleArgumentsPerToken = true,
        }.ExistingFiles();
        var field = new Option<string>("--leakage-field")
        {
            Description = "Field of the training records holding the text to compare.", DefaultValueFactory = _ => "query",
        };
        var jaccard = new Option<double>("--jaccard")
        {
            Description = "Report pairs with character 5-gram Jaccard at least this (0–1].", DefaultValueFactory = _ => 0.5,
        }.Proportion();
        var containment = new Option<double>("--containment")
        {
            Description = "Report pairs where at least this share of the query's 5-grams occur in the training text (0–1].",
            DefaultValueFactory = _ => 0.8,
        }.Proportion();
        var export = new Option<FileInfo?>("--export") { Description = "Write the valid queries (genres as ids) to this JSONL file." }.OutputFile();
        var format = CommonOptions.Format(tables: true);
        var strict = CommonOptions.Strict();
        command.Arguments.Add(files);
        foreach (var o in new Option[] { taxonomy, minimum, leakage, field, jaccard, containment, export, format, strict }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var strictMode = parse.GetValue(strict);
            var tax = CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy));
            var (queries, rejected) = await EvalOptions.ReadQueriesAsync(parse.GetValue(files)!, tax, strictMode, ct).ConfigureAwait(false);
            var coverage = GenreCoverage.Compute(queries, tax, parse.GetValue(minimum));

            var matches = new List<LeakageMatch>();
            var training = parse.GetValue(leakage) ?? [];
            if (training.Length > 0)
            {
                var problems = new List<ImportDiagnostic>();
                var checker = new QueryLeakageChecker(queries, new LeakageCheckOptions
                {
                    JaccardThreshold = parse.GetValue(jaccard), ContainmentThreshold = parse.GetValue(containment),
                });
                foreach (var t in training)
                {
                    var texts = TrainingTextSource.ReadJsonLinesAsync(t.FullName, parse.GetValue(field)!, problems, ct);
                    await foreach (var m in checker.FindAsync(texts, ct).ConfigureAwait(false)) matches.Add(m);
                }
                rejected += EvalOptions.Report(problems, strictMode);
            }
            if (parse.GetValue(export) is { } exportFile) await QuerySetFile.WriteAsync(exportFile.FullName, queries, ct).ConfigureAwait(false);

            var chosen = parse.GetValue(format)!;
            if (chosen == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    queries = queries.Count,
                    rejected,
                    by_language = queries.GroupBy(q => q.Language).ToDictionary(g => g.Key, g => g.Count()),
                    coverage = coverage.CountsByLanguage,
                    min_per_genre = coverage.MinimumPerGenre,
                    missing = coverage.Missing.Select(m => new { language = m.Language, genre = m.Genre, count = m.Count }),
                    leakage = matches,
                }, CliJson.Indented));
            }
            else
            {
                ReportTableOutput.Write(Console.Out, Tables(queries, coverage, tax, training.Length > 0 ? matches : null), chosen,
                    [coverage.Missing.Count == 0
                        ? $"every genre has at least {coverage.MinimumPerGenre} queries in every language present"
                        : $"{coverage.Missing.Count} (language, genre) cells below {coverage.MinimumPerGenre} (column 'below minimum')"]);
            }
            return EvalOptions.ExitCode(coverage.Missing.Count > 0 || matches.Count > 0, rejected);
        });
        return command;
    }

    private static List<ReportTable> Tables(IReadOnlyList<BenchmarkQuery> queries, GenreCoverage coverage, GenreTaxonomy taxonomy,
        List<LeakageMatch>? matches)
    {
        var languages = coverage.CountsByLanguage.Keys.ToList();
        var byLanguage = string.Join(", ", queries.GroupBy(q => q.Language).Select(g => $"{g.Key} {g.Count()}"));
        var missing = coverage.Missing.ToLookup(m => m.Genre, m => m.Language, StringComparer.Ordinal);
        var tables = new List<ReportTable>
        {
            new($"Queries per genre and language — {queries.Count} queries ({byLanguage})",
                ["genre", "name", .. languages, "below minimum"],
                taxonomy.Genres.Select(g => (IReadOnlyList<string>)
                [
                    g.Id, g.NameZh,
                    .. languages.Select(l => coverage.CountsByLanguage[l].GetValueOrDefault(g.Id).ToString(CultureInfo.InvariantCulture)),
                    string.Join(" ", missing[g.Id]),
                ]).ToList(),
                $"minimum per genre and language: {coverage.MinimumPerGenre}"),
        };
        if (matches is not null)
            tables.Add(new ReportTable($"Leakage check — {matches.Count} near-duplicate pair(s)",
                ["query", "training record", "Jaccard", "containment"],
                matches.Select(m => (IReadOnlyList<string>)
                [
                    m.QueryId, m.TrainingId,
                    m.Jaccard.ToString("F3", CultureInfo.InvariantCulture), m.Containment.ToString("F3", CultureInfo.InvariantCulture),
                ]).ToList(),
                "character 5-grams of NFKC-normalised, lower-cased letters and digits"));
        return tables;
    }
}
