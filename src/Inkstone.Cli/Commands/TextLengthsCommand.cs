using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Inkstone.Cli.TextInput;
using Inkstone.Text.Lengths;
using Inkstone.Text.Scripts;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.Rendering;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone text lengths</c>: length distributions (code points, Han, English words, model tokens) and script shares.</summary>
public static class TextLengthsCommand
{
    public static Command Create()
    {
        var command = new Command("lengths",
            "Length distributions (mean, median, quartiles, IQR, whiskers, outliers) in code points, Han characters, English words and, with --tokenizer, " +
            "model tokens; Han/Latin/other script shares; and how many texts contain Chinese by the contamination rule of docs/text-metrics.md.");
        var input = new TextInputOptions();
        input.AddTo(command);
        var tokenizer = CommonOptions.Tokenizer();
        tokenizer.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (!File.Exists(token.Value) && !Directory.Exists(token.Value)) r.AddError($"{token.Value}: no such file or folder");
        });
        command.Options.Add(tokenizer);
        var contamination = new ContaminationRuleOptions();
        contamination.AddTo(command);
        var perText = new Option<FileInfo?>("--per-text")
        {
            Description = "Also write one JSON line per text (lengths, script shares, contains_chinese) to this file.",
        }.OutputFile();
        var format = CommonOptions.Format(tables: true);
        foreach (var option in new Option[] { perText, format }) command.Options.Add(option);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(input.File)!;
            var reader = input.CreateReader(parse);
            var rule = new ChineseContentRule(contamination.Read(parse));
            var counter = parse.GetValue(tokenizer) is { } path
                ? await HuggingFaceBpeTokenCounter.LoadAsync(path.FullName, cancellationToken).ConfigureAwait(false)
                : null;
            var measurer = new TextLengthMeasurer(counter);
            var builder = new LengthStatisticsBuilder();
            await using var perTextWriter = parse.GetValue(perText) is { } perTextFile ? new StreamWriter(perTextFile.FullName) : null;
            await foreach (var record in reader.ReadAsync(file.FullName, cancellationToken).ConfigureAwait(false))
            {
                var lengths = measurer.Measure(record.Text);
                var verdict = rule.Evaluate(record.Text);
                builder.Add(lengths, verdict);
                if (perTextWriter is not null)
                    await perTextWriter.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        record.Index, record.Line, record.Id, lengths.CodePoints, lengths.HanCharacters, lengths.EnglishWords, lengths.Tokens,
                        verdict.Profile.HanShare, verdict.Profile.LatinShare, verdict.Profile.OtherShare, verdict.LongestHanRun, verdict.ContainsChinese,
                    }, JsonLines.Options).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            TextInputOptions.ReportProblems(reader);
            var stats = builder.Build();

            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    input = file.Name, records = reader.Records, skipped_records = reader.Problems.Count, blank_lines = reader.BlankLines, tokenizer = counter?.Name,
                    contamination_rule = rule.Options, statistics = stats,
                }, CliJson.Indented));
                return ExitCodes.FromRejections(reader.Problems.Count);
            }
            var table = DistributionTable.Create("Lengths and script shares", [
                ("code points", stats.CodePoints), ("Han characters", stats.HanCharacters), ("English words", stats.EnglishWords),
                ("tokens" + (counter is null ? " (no --tokenizer)" : ""), stats.Tokens),
                ("Han share", stats.HanShare), ("Latin share", stats.LatinShare), ("other share", stats.OtherShare),
            ], "0.####");
            ReportTableOutput.Write(Console.Out, [table], parse.GetValue(format)!, [string.Create(CultureInfo.InvariantCulture,
                $"{stats.Texts} texts; contain Chinese: {stats.ContainsChinese} ({stats.ContainsChineseShare:P2}) by ≥ {rule.Options.MinHanCharacters} Han, " +
                $"run ≥ {rule.Options.MinHanRun}, Han share ≥ {rule.Options.MinHanShare}; without letters {stats.TextsWithoutLetters}; " +
                $"skipped records {reader.Problems.Count}, blank lines {reader.BlankLines}.")]);
            return ExitCodes.FromRejections(reader.Problems.Count);
        });
        return command;
    }
}
