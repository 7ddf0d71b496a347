using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Inkstone.Cli.Rendering;
using Inkstone.Curation;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone status</c>: items per state, acceptance rates per stage, and the balance audit.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Items per state (they add up to the number ingested), acceptance rate per stage, genre/platform/month spread of accepted triplets.");
        var workspaceOption = WorkspaceOption.Create();
        var format = CommonOptions.Format(tables: true);
        command.Options.Add(workspaceOption);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var status = await new CurationStatusService(workspace.Items).ComputeAsync(workspace.Config.Review.MinimumPerGenre, ct);
            if (parse.GetValue(format) == "json") Console.Out.WriteLine(JsonSerializer.Serialize(status, CliJson.Indented));
            else Print(status, parse.GetValue(format)!);
            return 0;
        });
        return command;
    }

    internal static void Print(CurationStatus status, string format = "text")
    {
        ArgumentNullException.ThrowIfNull(status);
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var states = new ReportTable("items per state", ["state", "reason", "items"],
            [.. status.States.Select(s => (IReadOnlyList<string>)[s.State, s.Reason ?? "", N(s.Count)]), ["total", "", N(status.Total)]]);
        var rates = new ReportTable("acceptance rate per stage", ["stage", "from", "decided", "passed", "rate"],
            [.. status.Rates.Select(r => (IReadOnlyList<string>)[r.Stage, r.From, N(r.Decided), N(r.Passed),
                r.Rate is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "–"])]);
        var tables = new List<ReportTable> { states, rates };
        if (status.Workers.Count > 0)
        {
            tables.Add(new ReportTable("runs at work (claims held now, transitions in the last minute)", ["run", "process", "claims", "transitions/min"],
                [.. status.Workers.Select(w => (IReadOnlyList<string>)[w.RunId, w.Process ?? "", N(w.Claims), N(w.RecentTransitions)])]));
        }
        var notes = new List<string> { $"ingest errors recorded: {N(status.IngestErrors)}, warnings: {N(status.IngestWarnings)}{(status.IngestErrors + status.IngestWarnings > 0 ? " (inkstone errors lists them)" : "")}" };
        if (status.Genres.Count == 0) notes.Add("no accepted triplets yet");
        else
        {
            tables.Add(Buckets("accepted per genre", "genre", status.Genres));
            tables.Add(Buckets("accepted per platform", "platform", status.Platforms));
            tables.Add(Buckets("accepted per month", "month", status.Months));
            var low = status.Genres.Where(g => g.Count < status.MinimumPerGenre).ToList();
            if (low.Count > 0) notes.Add($"below {status.MinimumPerGenre} per genre: {string.Join(", ", low.Select(g => g.Key))}");
        }

        ReportTableOutput.Write(Console.Out, tables, format, notes);
    }

    private static ReportTable Buckets(string title, string key, IReadOnlyList<CurationStatus.Bucket> buckets) =>
        new(title, [key, "triplets"], [.. buckets.Select(b => (IReadOnlyList<string>)[b.Key, b.Count.ToString("N0", CultureInfo.InvariantCulture)])]);
}
