using System.Globalization;
using System.Text.Json.Nodes;
using Inkstone.Cli.Rendering;
using Inkstone.Llm.Usage;
using Inkstone.Reports;

namespace Inkstone.Cli.Commands;

/// <summary>The usage every LLM verb reports at its end: calls, cache hits, requests sent, tokens, failures per model.</summary>
public static class UsageReport
{
    /// <summary>Prints the usage table (text) on standard output; nothing when no call was made.</summary>
    public static void Write(UsageLedger ledger)
    {
        if (Table(ledger) is { } table) ReportTableOutput.Write(Console.Out, [table], "text");
    }

    /// <summary>The usage per model and in total, or null when no call was made.</summary>
    public static ReportTable? Table(UsageLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = ledger.Snapshot();
        if (rows.Count == 0) return null;
        return new ReportTable("Model usage", ["model", "calls", "cache hits", "sent", "input tokens", "output tokens", "failures"],
            rows.Append(ledger.Total()).Select(u => (IReadOnlyList<string>)
                [u.Model, N(u.Calls), N(u.CacheHits), N(u.Sent), N(u.InputTokens), N(u.OutputTokens), N(u.Failures)]).ToList());
    }

    /// <summary>The usage per model as JSON (snake_case fields, the total last).</summary>
    public static JsonArray Json(UsageLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = ledger.Snapshot();
        return new JsonArray((rows.Count == 0 ? rows : rows.Append(ledger.Total())).Select(u => (JsonNode)new JsonObject
        {
            ["model"] = u.Model, ["calls"] = u.Calls, ["cache_hits"] = u.CacheHits, ["sent"] = u.Sent,
            ["input_tokens"] = u.InputTokens, ["output_tokens"] = u.OutputTokens, ["failures"] = u.Failures,
        }).ToArray());
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
