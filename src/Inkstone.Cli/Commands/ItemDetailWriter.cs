using System.Globalization;
using System.Text.Json;
using Inkstone.Curation.Items;

namespace Inkstone.Cli.Commands;

/// <summary>The text report of <c>inkstone items show</c>: headed sections, values never cut.</summary>
public static class ItemDetailWriter
{
    private static readonly JsonSerializerOptions s_indented = new(CliJson.Indented);

    public static void Write(TextWriter writer, ItemDetail item)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteLine($"id:       {item.Id}");
        writer.WriteLine($"state:    {item.State}{(item.ReasonCode is null ? "" : $" ({item.ReasonCode})")}");
        if (item.Reason is not null) writer.WriteLine($"reason:   {item.Reason}");
        if (item.QuarantinedIn is not null) writer.WriteLine($"failed in stage {item.QuarantinedIn}; a re-run retries it from {item.ReturnState}");
        if (item.Title is not null) writer.WriteLine($"title:    {item.Title}");
        writer.WriteLine($"genre:    {item.Genre ?? "–"}{(item.NeedsSpecialist ? " (needs a specialist reviewer)" : "")}");
        writer.WriteLine($"source:   {item.SourceFile}, {item.SourceRecord}");
        var p = item.Provenance;
        if (p is not null)
        {
            writer.WriteLine($"url:      {p.Url ?? "–"}; platform: {p.Platform ?? "–"}; author: {p.Author ?? "–"}");
            writer.WriteLine($"published: {(p.PublishedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "–")}");
        }

        writer.WriteLine($"created:  {Time(item.CreatedAt)}; updated: {Time(item.UpdatedAt)}; {item.CharCount:N0} characters");
        Section(writer, "text");
        writer.WriteLine(item.Text);
        foreach (var artifact in item.Artifacts)
        {
            Section(writer, $"{artifact.Kind} (revision {artifact.Revision}, {artifact.Actor}, {Time(artifact.CreatedAt)})");
            writer.WriteLine(JsonSerializer.Serialize(artifact.Content, s_indented));
        }

        if (item.Reviews.Count > 0)
        {
            Section(writer, "reviews");
            foreach (var r in item.Reviews)
                writer.WriteLine($"round {r.Round}, {r.Reviewer}: {r.Decision ?? "open"}{(r.ReasonCode is null ? "" : $" ({r.ReasonCode})")}{(r.Comment is null ? "" : $" — {r.Comment}")}");
        }

        Section(writer, "audit trail");
        foreach (var e in item.Audit)
        {
            var reason = e.ReasonCode is null && e.Reason is null ? "" : $" [{e.ReasonCode}] {e.Reason}";
            writer.WriteLine($"{Time(e.At)}  {e.Actor}  {e.From ?? "(new)"} → {e.To}{reason}");
        }
    }

    private static void Section(TextWriter writer, string title)
    {
        writer.WriteLine();
        writer.WriteLine($"== {title}");
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
