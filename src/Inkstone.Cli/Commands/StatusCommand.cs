using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Inkstone.Curation;
using Spectre.Console;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone status</c>: items per state, acceptance rates per stage, and the balance audit.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Items per state (they add up to the number ingested), acceptance rate per stage, genre/platform/month spread of accepted triplets.");
        var workspaceOption = WorkspaceOption.Create();
        var format = CommonOptions.Format();
        command.Options.Add(workspaceOption);
        command.Options.Add(format);
        command.SetAction((parse, ct) => WorkspaceOption.GuardAsync(async () =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var status = await new CurationStatusService(workspace.Items).ComputeAsync(workspace.Config.Review.MinimumPerGenre, ct);
            if (parse.GetValue(format) == "json") Console.Out.WriteLine(JsonSerializer.Serialize(status, CliJson.Indented));
            else Print(status);
            return 0;
        }));
        return command;
    }

    internal static void Print(CurationStatus status)
    {
        var states = new Table().AddColumns("state", "reason", "items");
        foreach (var s in status.States) states.AddRow(s.State, Markup.Escape(s.Reason ?? ""), s.Count.ToString("N0", CultureInfo.InvariantCulture));
        states.AddRow("[bold]total[/]", "", $"[bold]{status.Total:N0}[/]");
        AnsiConsole.Write(states);
        Console.Out.WriteLine($"ingest errors recorded: {status.IngestErrors:N0}");

        var rates = new Table().AddColumns("stage", "from", "decided", "passed", "rate");
        foreach (var r in status.Rates)
            rates.AddRow(r.Stage, r.From, r.Decided.ToString("N0", CultureInfo.InvariantCulture), r.Passed.ToString("N0", CultureInfo.InvariantCulture), r.Rate is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "–");
        AnsiConsole.Write(rates);

        if (status.Genres.Count == 0) { Console.Out.WriteLine("no accepted triplets yet"); return; }
        var low = status.Genres.Where(g => g.Count < status.MinimumPerGenre).ToList();
        Console.Out.WriteLine($"accepted per genre: {string.Join(", ", status.Genres.Select(g => $"{g.Key} {g.Count}"))}");
        if (low.Count > 0) Console.Out.WriteLine($"below {status.MinimumPerGenre} per genre: {string.Join(", ", low.Select(g => g.Key))}");
        Console.Out.WriteLine($"accepted per platform: {string.Join(", ", status.Platforms.Select(g => $"{g.Key} {g.Count}"))}");
        Console.Out.WriteLine($"accepted per month: {string.Join(", ", status.Months.Select(g => $"{g.Key} {g.Count}"))}");
    }
}
