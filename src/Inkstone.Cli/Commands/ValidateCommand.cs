using System.CommandLine;
using System.Text.Json;
using Inkstone.Datasets;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone validate DATASET</c>: reads a dataset file and reports every problem; exit code 1 when a record is rejected, 2 on an input error.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate",
            "Check a dataset file (JSON array, JSON Lines or Parquet): every problem with file, line or row, and field, then how many "
            + "records were read, accepted and rejected. Exit code 0 when all records are accepted, 1 when records were rejected, "
            + "2 on an input error (missing file, not a dataset, a file-level error) or with --strict.");
        var dataset = new DatasetCommandOptions();
        dataset.AddTo(command);
        var formatOption = CommonOptions.Format();
        command.Options.Add(formatOption);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = await dataset.DatasetFileAsync(parse, cancellationToken).ConfigureAwait(false);
            var json = parse.GetValue(formatOption) == "json";
            // --strict stops at the first problem with DatasetFormatException: an input error (exit 2) by the verb guard.
            var report = await DatasetValidator.ValidateAsync(file.ToString(), dataset.ReadOptions(parse), parse.GetValue(dataset.Rejects)?.FullName,
                json ? null : p => Console.Out.WriteLine(p.ToString()), cancellationToken: cancellationToken).ConfigureAwait(false);

            if (json)
            {
                var s = report.Summary;
                var output = new
                {
                    source = report.Source,
                    format = report.Format.ToString().ToLowerInvariant(),
                    valid = report.IsValid,
                    read = new { read = s.Read, accepted = s.Accepted, rejected = s.Rejected, warnings = s.Warnings, file_errors = s.FileErrors, problems = s.ProblemCount },
                    problems_shown = s.Problems.Count,
                    problems = s.Problems.Select(p => new
                    {
                        file = p.File, line = p.Line, row = p.Row, byte_in_line = p.ByteInLine, record_id = p.RecordId, field = p.Field,
                        kind = JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Kind.ToString()),
                        severity = p.Severity.ToString().ToLowerInvariant(), message = p.Message,
                    }),
                };
                Console.Out.WriteLine(JsonSerializer.Serialize(output, CliJson.Indented));
            }
            else
            {
                Console.Out.WriteLine($"{report.Source} ({report.Format.ToString().ToLowerInvariant()}): {report.Summary}");
            }
            return DatasetCommandOptions.ExitCode(report.Summary);
        });
        return command;
    }
}
