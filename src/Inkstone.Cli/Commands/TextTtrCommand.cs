using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.TextInput;
using Inkstone.Text.Diversity;
using Inkstone.Text.Segmentation;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.Rendering;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone text ttr</c>: lexical diversity (TTR, MATTR, MTLD) of each text, summarised over the corpus.</summary>
public static class TextTtrCommand
{
    public static Command Create()
    {
        var command = new Command("ttr",
            "Lexical diversity per text — TTR (types ÷ tokens), MATTR and MTLD (length-robust) — with mean, median and quartiles over texts. " +
            "Chinese is segmented with the jieba-compatible segmenter, English with the word tokenizer of docs/text-metrics.md.");
        var input = new TextInputOptions();
        input.AddTo(command);
        var language = new Option<string>("--language")
        {
            Description = "auto (Chinese when a text has at least as many Han characters as Latin letters), zh or en.",
            DefaultValueFactory = _ => "auto",
        };
        language.AcceptOnlyFromAmong("auto", "zh", "en");
        var keepPunctuation = new Option<bool>("--keep-punctuation") { Description = "Count whitespace and punctuation/symbol-only tokens (excluded by default)." };
        var caseSensitive = new Option<bool>("--case-sensitive") { Description = "Do not lower-case tokens before counting types." };
        var window = new Option<int>("--window") { Description = "MATTR window in tokens.", DefaultValueFactory = _ => 50 };
        var threshold = new Option<double>("--mtld-threshold") { Description = "MTLD factor threshold.", DefaultValueFactory = _ => 0.72 };
        var perText = new Option<FileInfo?>("--per-text")
        {
            Description = "Also write one JSON line per text (index, line, id, language, tokens, types, ttr, mattr, mtld) to this file.",
        }.OutputFile();
        var format = CommonOptions.Format(tables: true);
        foreach (var option in new Option[] { language, keepPunctuation, caseSensitive, window, threshold, perText, format }) command.Options.Add(option);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new LexicalDiversityOptions
            {
                Language = parse.GetValue(language) switch { "zh" => TextLanguage.Chinese, "en" => TextLanguage.English, _ => TextLanguage.Auto },
                KeepPunctuation = parse.GetValue(keepPunctuation),
                CaseSensitive = parse.GetValue(caseSensitive),
                MattrWindow = parse.GetValue(window),
                MtldThreshold = parse.GetValue(threshold),
            };
            var file = parse.GetValue(input.File)!;
            var reader = input.CreateReader(parse);
            options.Validate();
            IWordSegmenter? segmenter = options.Language == TextLanguage.English ? null : TextSegmenters.CreateDefault();
            var analyzer = new LexicalDiversityAnalyzer(segmenter, options);
            var results = new List<TextDiversity>();
            await using var perTextWriter = parse.GetValue(perText) is { } perTextFile ? new StreamWriter(perTextFile.FullName) : null;
            await foreach (var record in reader.ReadAsync(file.FullName, cancellationToken).ConfigureAwait(false))
            {
                var result = analyzer.Analyze(record.Text);
                results.Add(result);
                if (perTextWriter is not null)
                    await perTextWriter.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        record.Index, record.Line, record.Id, language = result.Language == TextLanguage.Chinese ? "zh" : "en",
                        result.Tokens, result.Types, result.Ttr, result.Mattr, result.Mtld,
                    }, JsonLines.Options).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            TextInputOptions.ReportProblems(reader);
            var summary = DiversitySummary.Of(results);
            var chinese = results.Count(r => r.Language == TextLanguage.Chinese);
            // Chinese and English TTRs are not comparable (different tokens): a mixed corpus is also summarised per language.
            var mixed = chinese > 0 && chinese < results.Count;
            var chineseSummary = mixed ? DiversitySummary.Of(results.Where(r => r.Language == TextLanguage.Chinese).ToList()) : null;
            var englishSummary = mixed ? DiversitySummary.Of(results.Where(r => r.Language == TextLanguage.English).ToList()) : null;

            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    input = file.Name, records = reader.Records, texts = results.Count, skipped_records = reader.Problems.Count, blank_lines = reader.BlankLines,
                    chinese_texts = chinese, english_texts = results.Count - chinese,
                    options = new { language = parse.GetValue(language), options.KeepPunctuation, options.CaseSensitive, options.MattrWindow, options.MtldThreshold },
                    summary, chinese_summary = chineseSummary, english_summary = englishSummary,
                }, CliJson.Indented));
                return ExitCodes.FromRejections(reader.Problems.Count);
            }
            var tables = new List<ReportTable>();
            foreach (var (title, part) in new[] { ("all texts", summary), ("Chinese texts", chineseSummary), ("English texts", englishSummary) })
                if (part is not null)
                    tables.Add(DistributionTable.Create("Lexical diversity: " + title,
                        [("tokens", part.Tokens), ("TTR", part.Ttr), ("MATTR", part.Mattr), ("MTLD", part.Mtld)]));
            ReportTableOutput.Write(Console.Out, tables, parse.GetValue(format)!,
                [$"{results.Count} texts ({chinese} Chinese, {results.Count - chinese} English); undefined: TTR {summary.TtrUndefined}, " +
                 $"MATTR {summary.MattrUndefined}, MTLD {summary.MtldUndefined}; skipped records {reader.Problems.Count}, blank lines {reader.BlankLines}."]);
            return ExitCodes.FromRejections(reader.Problems.Count);
        });
        return command;
    }
}
