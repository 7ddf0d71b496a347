using System.CommandLine;
using System.Text.Json;
using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Queries;
using Spectre.Console;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone eval queries</c>: validate query sets, show genre coverage, check leakage, export a merged set.</summary>
public static class EvalQueriesCommand
{
    public static Command Create()
    {
        var command = new Command("queries", "Validate benchmark query sets (JSONL), show how many queries each genre has per language, check them for near-duplicates in a training dataset, and export the merged, normalised set. Exit code 3 when a genre is below the minimum or a near-duplicate is found.");
        var files = new Argument<FileInfo[]>("files") { Description = "Query set file(s), JSONL.", Arity = ArgumentArity.OneOrMore };
        var taxonomy = CommonOptions.Taxonomy();
        var minimum = new Option<int>("--min-per-genre") { Description = "Genres with fewer queries than this in a language are listed as missing.", DefaultValueFactory = _ => 2 };
        var leakage = new Option<FileInfo[]>("--leakage") { Description = "Training dataset(s), JSONL, to search for near-duplicates of the queries.", AllowMultipleArgumentsPerToken = true };
        var field = new Option<string>("--leakage-field") { Description = "Field of the training records holding the text to compare.", DefaultValueFactory = _ => "query" };
        var jaccard = new Option<double>("--jaccard") { Description = "Report pairs with character 5-gram Jaccard at least this.", DefaultValueFactory = _ => 0.5 };
        var containment = new Option<double>("--containment") { Description = "Report pairs where at least this share of the query's 5-grams occur in the training text.", DefaultValueFactory = _ => 0.8 };
        var export = new Option<FileInfo?>("--export") { Description = "Write the valid queries (genres as ids) to this JSONL file." };
        var format = CommonOptions.Format();
        var strict = EvalOptions.Strict();
        command.Arguments.Add(files);
        foreach (var o in new Option[] { taxonomy, minimum, leakage, field, jaccard, containment, export, format, strict }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var tax = CommonOptions.LoadTaxonomy(parse.GetValue(taxonomy));
            var (queries, ok) = await EvalOptions.ReadQueriesAsync(parse.GetValue(files)!, tax, parse.GetValue(strict), ct).ConfigureAwait(false);
            if (!ok) return 1;
            var coverage = GenreCoverage.Compute(queries, tax, parse.GetValue(minimum));

            var matches = new List<LeakageMatch>();
            var problems = new List<ImportDiagnostic>();
            var training = parse.GetValue(leakage) ?? [];
            if (training.Length > 0)
            {
                var checker = new QueryLeakageChecker(queries, new LeakageCheckOptions { JaccardThreshold = parse.GetValue(jaccard), ContainmentThreshold = parse.GetValue(containment) });
                foreach (var t in training)
                    await foreach (var m in checker.FindAsync(TrainingTextSource.ReadJsonLinesAsync(t.FullName, parse.GetValue(field)!, problems, ct), ct).ConfigureAwait(false))
                        matches.Add(m);
                if (!EvalOptions.Report(problems, parse.GetValue(strict))) return 1;
            }
            if (parse.GetValue(export) is { } exportFile) await QuerySetFile.WriteAsync(exportFile.FullName, queries, ct).ConfigureAwait(false);

            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    queries = queries.Count,
                    by_language = queries.GroupBy(q => q.Language).ToDictionary(g => g.Key, g => g.Count()),
                    coverage = coverage.CountsByLanguage,
                    min_per_genre = coverage.MinimumPerGenre,
                    missing = coverage.Missing.Select(m => new { language = m.Language, genre = m.Genre, count = m.Count }),
                    leakage = matches,
                }, CliJson.Indented));
            }
            else
            {
                AnsiConsole.WriteLine($"{queries.Count} queries: " + string.Join(", ", queries.GroupBy(q => q.Language).Select(g => $"{g.Key} {g.Count()}")));
                var table = new Table().AddColumn("genre").AddColumn("中文");
                var languages = coverage.CountsByLanguage.Keys.ToList();
                foreach (var l in languages) table.AddColumn(l);
                foreach (var g in tax.Genres)
                    table.AddRow(new[] { Markup.Escape(g.Id), Markup.Escape(g.NameZh) }.Concat(languages.Select(l =>
                    {
                        var n = coverage.CountsByLanguage[l].GetValueOrDefault(g.Id);
                        return n < coverage.MinimumPerGenre ? $"[red]{n}[/]" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    })).ToArray());
                AnsiConsole.Write(table);
                AnsiConsole.WriteLine(coverage.Missing.Count == 0
                    ? $"every genre has at least {coverage.MinimumPerGenre} queries in every language present"
                    : $"{coverage.Missing.Count} (language, genre) cells below {coverage.MinimumPerGenre}");
                if (training.Length > 0)
                {
                    AnsiConsole.WriteLine($"leakage check: {matches.Count} near-duplicate pair(s)");
                    foreach (var m in matches)
                        AnsiConsole.WriteLine(FormattableString.Invariant($"  {m.QueryId} ~ {m.TrainingId}: Jaccard {m.Jaccard:F3}, containment {m.Containment:F3}"));
                }
            }
            return coverage.Missing.Count == 0 && matches.Count == 0 ? 0 : 3;
        });
        return command;
    }
}
