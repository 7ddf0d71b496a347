using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Inkstone.Cli.TextInput;
using Inkstone.Text.NearDuplicates;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.Rendering;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone text dedup</c>: near-duplicate pairs within a corpus, or between queries and a reference corpus (leakage).</summary>
public static class TextDedupCommand
{
    public static Command Create()
    {
        var command = new Command("dedup",
            "Near-duplicates by MinHash + LSH over character n-grams (no segmentation needed): pairs with estimated (and, with --verify, exact) " +
            "Jaccard similarity ≥ --threshold. With --against, compares the input (e.g. benchmark queries) with a reference corpus (e.g. training data) to find leakage.");
        var input = new TextInputOptions();
        input.AddTo(command);
        var defaults = new MinHashOptions();
        var against = new Option<FileInfo?>("--against")
        {
            Description = "Reference corpus: report input texts that nearly duplicate one of its texts, instead of pairs within the input.",
        }.ExistingFiles();
        var againstField = new Option<string?>("--against-field") { Description = "JSON field of the reference corpus (default: --field)." };
        var shingle = new Option<int>("--shingle") { Description = "Shingle length in characters (code points).", DefaultValueFactory = _ => defaults.ShingleSize };
        var permutations = new Option<int>("--permutations") { Description = "MinHash permutations (signature length).", DefaultValueFactory = _ => defaults.Permutations };
        var bands = new Option<int>("--bands") { Description = "LSH bands (must divide --permutations); rows per band = permutations ÷ bands.", DefaultValueFactory = _ => defaults.Bands };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the hash permutations.", DefaultValueFactory = _ => defaults.Seed };
        var threshold = new Option<double>("--threshold") { Description = "Report pairs with estimated Jaccard similarity at least this.", DefaultValueFactory = _ => defaults.Threshold };
        var verify = new Option<bool>("--verify") { Description = "Compute exact Jaccard similarity of reported pairs (second pass); pairs below the threshold are then not counted as duplicates." };
        var writeUnique = new Option<FileInfo?>("--write-unique")
        {
            Description = "Write the input without the dropped duplicates (the first text of each group stays; lines copied byte for byte) to this file.",
        }.OutputFile();
        var containment = new Option<bool>("--containment")
        {
            Description = "With --against: report input texts whose shingles are at least --threshold contained in a reference text " +
                "(exact, |input ∩ reference| ÷ |input|) — finds a short query copied into a long training text, which Jaccard similarity misses.",
        };
        var show = new Option<int>("--show") { Description = "Pairs listed in the table output.", DefaultValueFactory = _ => 20 };
        show.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--show must be 0 or more"); });
        var format = CommonOptions.Format(tables: true);
        foreach (var option in new Option[] { against, againstField, shingle, permutations, bands, seed, threshold, verify, containment, writeUnique, show, format }) command.Options.Add(option);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(input.File)!;
            var reference = parse.GetValue(against);
            var reader = input.CreateReader(parse);
            var referenceReader = new TextRecordReader
            {
                Field = parse.GetValue(againstField) ?? parse.GetValue(input.Field), Strict = parse.GetValue(input.Strict), IdField = parse.GetValue(input.IdField),
            };
            if (reference is not null && parse.GetValue(writeUnique) is not null)
                throw new CliInputException("--write-unique deduplicates one corpus; it cannot be combined with --against");
            if (reference is not null && Path.GetFullPath(reference.FullName) == Path.GetFullPath(file.FullName))
                throw new CliInputException($"{reference.FullName}: --against names the input itself; leave it out to find duplicates within one corpus");
            var finder = new NearDuplicateFinder(new MinHashOptions
            {
                ShingleSize = parse.GetValue(shingle), Permutations = parse.GetValue(permutations), Bands = parse.GetValue(bands),
                Seed = parse.GetValue(seed), Threshold = parse.GetValue(threshold),
            });
            var records = new List<(int Line, string? Id)>();
            var referenceRecords = new List<(int Line, string? Id)>();
            if (parse.GetValue(containment))
            {
                if (reference is null) throw new CliInputException("--containment needs --against");
                var containmentScan = await new ContainmentFinder(parse.GetValue(shingle), parse.GetValue(threshold)).FindAsync(
                    Documents(reader.ReadAsync(file.FullName, cancellationToken), records),
                    Documents(referenceReader.ReadAsync(reference.FullName, cancellationToken), referenceRecords), cancellationToken).ConfigureAwait(false);
                TextInputOptions.ReportProblems(reader);
                TextInputOptions.ReportProblems(referenceReader);
                RenderContainment(containmentScan, records, referenceRecords, file.Name, reference.Name, parse.GetValue(shingle), parse.GetValue(threshold),
                    reader.Problems.Count + referenceReader.Problems.Count, parse.GetValue(format)!, parse.GetValue(show));
                return ExitCodes.FromRejections(reader.Problems.Count + referenceReader.Problems.Count);
            }
            var referenceEmpty = new List<int>();
            var documents = Documents(reader.ReadAsync(file.FullName, cancellationToken), records);
            var scan = reference is null
                ? await finder.FindWithinAsync(documents, cancellationToken).ConfigureAwait(false)
                : await finder.FindAgainstAsync(Documents(referenceReader.ReadAsync(reference.FullName, cancellationToken), referenceRecords), documents,
                    referenceEmpty, cancellationToken).ConfigureAwait(false);
            TextInputOptions.ReportProblems(reader);
            TextInputOptions.ReportProblems(referenceReader);

            IReadOnlyList<NearDuplicatePair> pairs = scan.Pairs;
            if (parse.GetValue(verify))
            {
                // Re-read with fresh readers so that skipped records are not reported twice.
                var again = new TextRecordReader { Field = reader.Field, IdField = reader.IdField };
                var referenceAgain = new TextRecordReader { Field = referenceReader.Field, IdField = referenceReader.IdField };
                pairs = await NearDuplicateVerifier.VerifyAsync(pairs, finder, again.ReadAsync(file.FullName, cancellationToken),
                    reference is null ? null : referenceAgain.ReadAsync(reference.FullName, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            var confirmed = pairs.Where(p => p.ExactJaccard is null || p.ExactJaccard >= finder.Options.Threshold).ToList();
            var clusters = reference is null ? DuplicateClusters.From(confirmed) : [];
            var drop = clusters.SelectMany(c => c.Skip(1)).Order().ToList();
            if (parse.GetValue(writeUnique) is { } output)
                await WriteUniqueAsync(file.FullName, output.FullName, drop.Select(i => records[i].Line).ToHashSet(), cancellationToken).ConfigureAwait(false);

            var secondRecords = reference is null ? records : referenceRecords;
            object Doc(List<(int Line, string? Id)> list, int index) => new { index, line = list[index].Line, id = list[index].Id };
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    input = file.Name, against = reference?.Name, options = finder.Options,
                    documents = scan.Documents, reference_documents = reference is null ? (int?)null : referenceRecords.Count,
                    skipped_records = reader.Problems.Count + referenceReader.Problems.Count, blank_lines = reader.BlankLines + referenceReader.BlankLines,
                    empty_documents = scan.EmptyDocuments.Select(i => Doc(records, i)), empty_reference_documents = referenceEmpty.Select(i => Doc(referenceRecords, i)),
                    candidate_pairs = scan.CandidatePairs, reported_pairs = pairs.Count, confirmed_pairs = confirmed.Count,
                    leaked_documents = reference is null ? (int?)null : confirmed.Select(p => p.First).Distinct().Count(),
                    duplicate_groups = reference is null ? clusters.Count : (int?)null, documents_to_drop = reference is null ? drop.Count : (int?)null,
                    pairs = pairs.Select(p => new
                    {
                        first = Doc(records, p.First), second = Doc(secondRecords, p.Second), estimated_jaccard = p.EstimatedJaccard, exact_jaccard = p.ExactJaccard,
                        confirmed = p.ExactJaccard is null || p.ExactJaccard >= finder.Options.Threshold,
                    }),
                    drop = drop.Select(i => Doc(records, i)),
                }, CliJson.Indented));
                return ExitCodes.FromRejections(reader.Problems.Count + referenceReader.Problems.Count);
            }

            var rows = pairs.Take(parse.GetValue(show)).Select(p => (IReadOnlyList<string>)[Label(records, p.First), Label(secondRecords, p.Second),
                p.EstimatedJaccard.ToString("0.###", CultureInfo.InvariantCulture), p.ExactJaccard?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–"]).ToList();
            var table = new ReportTable(reference is null ? "Near-duplicate pairs" : "Input texts near a reference text",
                ["input line", reference is null ? "duplicate of line" : "reference line", "estimated J", "exact J"], rows,
                pairs.Count > rows.Count ? $"first {rows.Count} of {pairs.Count} pairs (--show)" : null);
            var outcome = reference is null
                ? $"{clusters.Count} duplicate groups, {drop.Count} documents to drop"
                : $"{confirmed.Select(p => p.First).Distinct().Count()} of {scan.Documents} input texts nearly duplicate a reference text ({referenceRecords.Count} reference texts)";
            ReportTableOutput.Write(Console.Out, [table], parse.GetValue(format)!, [string.Create(CultureInfo.InvariantCulture,
                $"{scan.Documents} texts, {scan.EmptyDocuments.Count} empty; {scan.CandidatePairs} LSH candidates, {pairs.Count} pairs ≥ {finder.Options.Threshold} " +
                $"({confirmed.Count} confirmed); {outcome}; skipped records {reader.Problems.Count + referenceReader.Problems.Count}.")]);
            return ExitCodes.FromRejections(reader.Problems.Count + referenceReader.Problems.Count);
        });
        return command;
    }

    private static void RenderContainment(ContainmentScan scan, List<(int Line, string? Id)> records, List<(int Line, string? Id)> referenceRecords,
        string input, string against, int shingleSize, double threshold, int skipped, string format, int show)
    {
        var leaked = scan.Pairs.Select(p => p.Query).Distinct().Count();
        if (format == "json")
        {
            object Doc(List<(int Line, string? Id)> list, int index) => new { index, line = list[index].Line, id = list[index].Id };
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                input, against, measure = "containment", shingle_size = shingleSize, threshold, documents = scan.Queries, reference_documents = scan.ReferenceDocuments,
                skipped_records = skipped, empty_documents = scan.EmptyQueries.Select(i => Doc(records, i)), reported_pairs = scan.Pairs.Count, leaked_documents = leaked,
                pairs = scan.Pairs.Select(p => new { first = Doc(records, p.Query), second = Doc(referenceRecords, p.Reference), containment = p.Containment }),
            }, CliJson.Indented));
            return;
        }
        var rows = scan.Pairs.Take(show).Select(p => (IReadOnlyList<string>)[Label(records, p.Query), Label(referenceRecords, p.Reference),
            p.Containment.ToString("0.###", CultureInfo.InvariantCulture)]).ToList();
        var table = new ReportTable("Input texts contained in a reference text", ["input line", "reference line", "containment"], rows,
            scan.Pairs.Count > rows.Count ? $"first {rows.Count} of {scan.Pairs.Count} pairs (--show)" : null);
        ReportTableOutput.Write(Console.Out, [table], format, [string.Create(CultureInfo.InvariantCulture,
            $"{leaked} of {scan.Queries} input texts are ≥ {threshold} contained in one of {scan.ReferenceDocuments} reference texts ({scan.Pairs.Count} pairs); " +
            $"{scan.EmptyQueries.Count} empty; skipped records {skipped}.")]);
    }

    private static string Label(List<(int Line, string? Id)> records, int index) =>
        records[index].Id is { } id ? $"{records[index].Line} ({id})" : records[index].Line.ToString(CultureInfo.InvariantCulture);

    private static async IAsyncEnumerable<(int Index, string Text)> Documents(IAsyncEnumerable<TextRecord> records, List<(int Line, string? Id)> sink)
    {
        await foreach (var record in records.ConfigureAwait(false))
        {
            sink.Add((record.Line, record.Id));
            yield return (record.Index, record.Text);
        }
    }

    /// <summary>Copies the input's lines byte for byte, line breaks included, leaving out <paramref name="dropLines"/>.</summary>
    private static async Task WriteUniqueAsync(string inputPath, string outputPath, HashSet<int> dropLines, CancellationToken cancellationToken)
    {
        if (Path.GetFullPath(inputPath) == Path.GetFullPath(outputPath))
            throw new CliInputException($"{outputPath}: --write-unique must name a file other than the input");
        await using var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        await using var output = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await foreach (var line in Utf8LineReader.ReadRawAsync(input, inputPath, cancellationToken).ConfigureAwait(false))
            if (!dropLines.Contains(line.Number)) await output.WriteAsync(line.Bytes, cancellationToken).ConfigureAwait(false);
    }
}
