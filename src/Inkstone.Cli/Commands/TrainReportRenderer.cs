using System.Globalization;
using System.Text.Json;
using Inkstone.Training;
using Inkstone.Cli.Rendering;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary>Prints a built mix (and, after an export, what was written) as a table or as JSON.</summary>
public static class TrainReportRenderer
{
    public static void Render(MixReport report, IReadOnlyList<string> readProblems, ExportResult? export, string format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(readProblems);
        var mix = report.Mix;
        var issues = readProblems
            .Concat(mix.ProcessIssues.Select(i => i.ToString()))
            .Concat(mix.GeneralIssues.Select(i => i.ToString()))
            .ToList();

        if (format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(report, readProblems, export), CliJson.Indented));
            return;
        }

        var printer = new ProblemPrinter(Console.Error, "--format json lists them all");
        foreach (var issue in issues) printer.Print(issue);
        printer.PrintOmitted();
        if (mix.Stopped)
        {
            Console.Error.WriteLine($"stopped (--strict): {issues.Count} problem(s); nothing was mixed");
            return;
        }

        var rows = report.Configurations.Select(c =>
        {
            var m = c.Mix;
            var t = c.TrainTokens;
            return (IReadOnlyList<string>)[m.Name, N(m.ProcessCount), N(m.GeneralCount), N(m.Total), N(m.TrainCount), N(m.ValidationCount),
                N(t.TotalTokens), t.Mean.ToString("N0", CultureInfo.InvariantCulture), t.P99.ToString("N0", CultureInfo.InvariantCulture),
                N(t.Max), N(t.OverCutoff + c.ValidationTokens.OverCutoff)];
        }).ToList();
        var table = new ReportTable("Training mixes",
            ["mix", "CW", "general", "total", "train", "val", "train tokens", "mean", "p99", "max", "> cutoff"], rows);
        ReportTableOutput.Write(Console.Out, [table], format, Notes(report, readProblems, export));
    }

    private static List<string> Notes(MixReport report, IReadOnlyList<string> readProblems, ExportResult? export)
    {
        var mix = report.Mix;
        var plan = report.Plan;
        var training = plan.Training;
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"seed {plan.Seed}; process: {mix.ProcessAvailable:N0} usable, {mix.ProcessIssues.Count + readProblems.Count:N0} problem(s); general pool: {mix.GeneralPoolSize:N0} valid, {mix.GeneralIssues.Count:N0} line(s) rejected"),
            "general draws are nested: each configuration uses the first k samples of one seeded permutation of the pool",
            string.Create(CultureInfo.InvariantCulture,
                $"tokens: {report.TokenCounterName}{(report.TokenCountIsEstimate ? " — an ESTIMATE; give --tokenizer for real counts" : "")}; cutoff_len {report.CutoffLength} ({(report.CutoffDerived ? "derived" : "fixed")}); > cutoff counts train + validation samples"),
            string.Create(CultureInfo.InvariantCulture,
                $"training: {training.Epochs} epochs, lr {LlamaFactoryYamlWriter.Float(training.LearningRate)}, effective batch {training.EffectiveBatch} = {training.PerDeviceBatch} per device × {training.GradientAccumulationSteps} accumulation × {training.Gpus} GPU(s), {training.Optimizer}, template {training.Template}"),
        };
        if (export is not null)
            notes.Add($"wrote {export.Files.Count} files to {export.OutputDirectory} ({TrainingManifestWriter.FormatName(export.Format)})");
        return notes;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static object ToJson(MixReport report, IReadOnlyList<string> readProblems, ExportResult? export)
    {
        var mix = report.Mix;
        return new
        {
            stopped = mix.Stopped,
            seed = report.Plan.Seed,
            process = new { usable = mix.ProcessAvailable, read_problems = readProblems, issues = mix.ProcessIssues.Select(i => new { triplet = i.TripletId, field = i.Field, message = i.Message }) },
            general = new { valid = mix.GeneralPoolSize, issues = mix.GeneralIssues.Select(i => new { file = i.File, line = i.Line, field = i.Field, message = i.Message }) },
            tokens = new { counter = report.TokenCounterName, estimate = report.TokenCountIsEstimate, cutoff_len = report.CutoffLength, cutoff_derived = report.CutoffDerived },
            configurations = report.Configurations.Select(c => new
            {
                name = c.Name,
                process = c.Mix.ProcessCount,
                general = c.Mix.GeneralCount,
                total = c.Mix.Total,
                train = c.Mix.TrainCount,
                validation = c.Mix.ValidationCount,
                train_tokens = c.TrainTokens,
                validation_tokens = c.ValidationTokens,
            }),
            export = export is null ? null : new
            {
                directory = export.OutputDirectory,
                data_format = TrainingManifestWriter.FormatName(export.Format),
                files = export.Files.Select(f => new { path = f.Path, bytes = f.Bytes, sha256 = f.Sha256, records = f.Records }),
            },
        };
    }
}
