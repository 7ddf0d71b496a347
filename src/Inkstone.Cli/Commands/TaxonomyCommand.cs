using System.CommandLine;
using System.Text.Json;
using Inkstone.Taxonomy;
using Inkstone.Cli.Rendering;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone taxonomy</c>: lists categories and genres of the active taxonomy.</summary>
public static class TaxonomyCommand
{
    public static Command Create()
    {
        var command = new Command("taxonomy", "List the genre taxonomy (categories, genres, ids, names and aliases).");
        var taxonomyOption = CommonOptions.Taxonomy();
        var formatOption = CommonOptions.Format(tables: true);
        command.Options.Add(taxonomyOption);
        command.Options.Add(formatOption);
        command.SetAction(parse =>
        {
            var taxonomy = CommonOptions.LoadTaxonomy(parse.GetValue(taxonomyOption));
            if (parse.GetValue(formatOption) == "json")
            {
                var json = taxonomy.Categories.Select(c => new
                {
                    id = c.Id, name_zh = c.NameZh, name_en = c.NameEn,
                    genres = c.Genres.Select(g => new { id = g.Id, name_zh = g.NameZh, name_en = g.NameEn, aliases = g.Aliases }),
                });
                Console.Out.WriteLine(JsonSerializer.Serialize(new { version = taxonomy.Version, categories = json }, CliJson.Indented));
                return 0;
            }

            var rows = taxonomy.Categories.SelectMany(c => c.Genres.Select(g => (IReadOnlyList<string>)[c.Id, g.Id, g.NameZh, g.NameEn, string.Join(", ", g.Aliases)]))
                .ToList();
            ReportTableOutput.Write(Console.Out, [new ReportTable("Genres", ["category", "genre id", "中文", "English", "aliases"], rows)],
                parse.GetValue(formatOption)!, [taxonomy.ToString()]);
            return 0;
        });
        return command;
    }
}
